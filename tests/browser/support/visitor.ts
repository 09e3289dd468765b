import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export type Role = 'customer' | 'operator' | 'bot';

/** A visitor on the demo shop page, using the widget as a person would: by role and accessible name. */
export class Visitor {
  /** Dialogs (alert, confirm) the page opened: text rendered as HTML would show up here. */
  readonly dialogs: string[] = [];
  readonly launcher: Locator;
  readonly panel: Locator;
  readonly log: Locator;
  readonly composer: Locator;

  private constructor(readonly context: BrowserContext, readonly page: Page, readonly name: string) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    this.launcher = page.getByRole('button', { name: /^(Open|Close) chat$/ });
    this.panel = page.getByRole('dialog', { name: 'Chat' });
    this.log = this.panel.getByRole('log', { name: 'Messages' });
    this.composer = this.panel.getByRole('textbox', { name: 'Message' });
  }

  /** A new browser context (its own localStorage: a new visitor) on the demo page. */
  static async arrive(browser: Browser, baseURL: string, name: string, viewport = { width: 1280, height: 800 }): Promise<Visitor> {
    const context = await browser.newContext({ baseURL, viewport });
    const page = await context.newPage();
    await page.goto('/');
    return new Visitor(context, page, name);
  }

  /** A new browser context on any page that embeds the widget (another origin's, for instance). */
  static async visit(browser: Browser, url: string, name: string, viewport = { width: 1280, height: 800 }): Promise<Visitor> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    return new Visitor(context, page, name);
  }

  /** Opens the panel and starts the chat with a name (or skips the form). */
  async startChat(options: { skip?: boolean } = {}): Promise<void> {
    await this.page.getByRole('button', { name: 'Open chat' }).click();
    await expect(this.panel).toBeVisible();
    if (options.skip) {
      await this.panel.getByRole('button', { name: 'Skip' }).click();
    } else {
      await expect(this.panel.getByRole('textbox', { name: 'Name' })).toBeFocused();
      await this.panel.getByRole('textbox', { name: 'Name' }).fill(this.name);
      await this.panel.getByRole('textbox', { name: 'Email' }).fill(`${this.name.toLowerCase().replace(/\W+/g, '.')}@example.com`);
      await this.panel.getByRole('button', { name: 'Start chat' }).click();
    }
    await expect(this.composer).toBeVisible({ timeout: 15_000 });
    await expect(this.composer).toBeFocused();
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await expect(this.composer).toHaveValue('');
  }

  /** The articles of one sender role with this exact text. */
  message(role: Role, text: string): Locator {
    return this.log.getByRole('article', { name: `${role} message` }).filter({ has: this.page.getByText(text, { exact: true }) });
  }

  /** Waits until the message is shown exactly once. */
  async expectMessage(role: Role, text: string, timeout = 15_000): Promise<void> {
    await expect(this.message(role, text)).toHaveCount(1, { timeout });
  }

  /** The status of one of the visitor's own messages, by its accessible name. */
  status(text: string, status: string | RegExp): Locator {
    return this.message('customer', text).getByLabel(status, { exact: true });
  }

  /** Texts of the customer's and the operators' messages, in order (the bot, when there is one, may chime in). */
  async texts(): Promise<string[]> {
    return this.log.getByRole('article', { name: /^(customer|operator) message$/ }).locator('.bubble').allTextContents();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
