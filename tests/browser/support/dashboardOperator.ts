import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import type { Operator } from './operator';
import { demoPassword } from './server';
import type { Role } from './visitor';

/** The operator on the dashboard at /app, located only through the roles and names of ui-contract.md. */
export class DashboardOperator implements Operator {
  readonly kind = 'dashboard';
  readonly dialogs: string[] = [];
  readonly log: Locator;
  readonly composer: Locator;

  private constructor(readonly context: BrowserContext, readonly page: Page) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    this.log = page.getByRole('log', { name: 'Messages' });
    this.composer = page.getByRole('textbox', { name: 'Message' });
  }

  static async login(browser: Browser, baseURL: string, email = 'operator@example.com', options: BrowserContextOptions = {}): Promise<DashboardOperator> {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto('/app');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 });
    return new DashboardOperator(context, page);
  }

  async openConversation(contactName: string): Promise<void> {
    const page = this.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
    await page.getByRole('searchbox', { name: 'Search contacts and messages' }).fill(contactName);
    await page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: contactName }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: contactName })).toBeVisible();
  }

  message(role: Role, text: string): Locator {
    return this.log.getByRole('article', { name: `${role} message` }).filter({ has: this.page.getByText(text, { exact: true }) });
  }

  async expectMessage(role: Role, text: string): Promise<void> {
    await expect(this.message(role, text)).toHaveCount(1, { timeout: 15_000 });
  }

  async expectOwnStatus(text: string, status: string): Promise<void> {
    await expect(this.message('operator', text).getByLabel(status, { exact: true })).toBeVisible({ timeout: 15_000 });
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await expect(this.composer).toHaveValue('');
  }

  async texts(): Promise<string[]> {
    // Each article's text is its message and some chrome (name, time, status); tests compare by inclusion.
    return this.log.getByRole('article', { name: /^(customer|operator) message$/ }).allInnerTexts();
  }

  async expectHandoff(): Promise<void> {
    await expect(this.page.getByRole('note').first()).toBeVisible({ timeout: 20_000 });
  }

  async claim(): Promise<void> {
    await this.page.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Claim', exact: true })).toBeHidden();
  }

  async startTyping(): Promise<void> {
    await this.composer.pressSequentially('Typing…');
  }

  async expectVisitorTyping(): Promise<void> {
    // The dashboard keeps the (empty) status in the accessibility tree, so wait for its text.
    await expect(this.page.getByRole('status', { name: 'Typing' })).toContainText('is typing', { timeout: 10_000 });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
