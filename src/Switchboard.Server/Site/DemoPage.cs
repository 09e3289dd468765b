using System.Net;

namespace Switchboard.Server.Site;

/// <summary>The demo website's HTML: a plain shop page with the one-line widget embed.</summary>
public static class DemoPage
{
    public static string Render(string? inboxToken)
    {
        var widget = inboxToken is null
            ? "<p class=\"note\">No widget inbox exists yet: create one in the dashboard (Admin → Inboxes), then reload.</p>"
            : $"<script src=\"/widget.js\" data-inbox=\"{WebUtility.HtmlEncode(inboxToken)}\" async></script>";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Northwind Outfitters — Switchboard demo</title>
              <style>
                body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2933; background: #f7f5f2; }
                header { background: #264653; color: #fff; padding: 18px 32px; display: flex; justify-content: space-between; align-items: center; }
                header a { color: #e9c46a; }
                main { max-width: 880px; margin: 40px auto; padding: 0 24px; }
                .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; margin-top: 24px; }
                .card { background: #fff; border-radius: 12px; padding: 18px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
                .swatch { height: 110px; border-radius: 8px; margin-bottom: 12px; }
                .note { background: #fff3cd; padding: 12px 16px; border-radius: 8px; }
              </style>
            </head>
            <body>
              <header><strong>Northwind Outfitters</strong><span>Operators: <a href="/app">open the dashboard</a></span></header>
              <main>
                <h1>Gear for every trail</h1>
                <p>This is Switchboard's demo page: a shop website with the chat widget embedded by one script tag.
                   Open the chat bubble at the bottom right, ask about shipping or returns, or ask for a human.</p>
                <div class="grid">
                  <div class="card"><div class="swatch" style="background:#2a9d8f"></div><strong>Trail jacket</strong><br>€149</div>
                  <div class="card"><div class="swatch" style="background:#e9c46a"></div><strong>Day pack 24 L</strong><br>€89</div>
                  <div class="card"><div class="swatch" style="background:#e76f51"></div><strong>Merino beanie</strong><br>€29</div>
                </div>
              </main>
              {{widget}}
            </body>
            </html>
            """;
    }
}
