using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Switchboard.Server.Storage;

/// <summary>
/// The ASP.NET Core Data Protection key ring, kept in the database (<c>data_protection_keys</c>), so every node that
/// shares the database decrypts what another encrypted. Data Protection calls this rarely (at start, then when its
/// cached ring expires) and synchronously; the database work runs on the thread pool and is waited for, so a caller's
/// synchronization context (a test runner's, say) cannot deadlock it.
/// </summary>
public sealed class DatabaseKeyRepository(Lazy<Database> lazyDatabase, TimeProvider clock) : IXmlRepository
{
    // Lazy: the database's write hooks (bots) need Data Protection, so the database cannot be resolved when Data Protection is.
    Database Db => lazyDatabase.Value;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var rows = Task.Run(() => Db.ReadAsync((c, tx) => c.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY id", transaction: tx),
            CancellationToken.None)).GetAwaiter().GetResult();
        return rows.Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => Db.WriteGlobalAsync((c, tx) => c.ExecuteAsync(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx),
            CancellationToken.None)).GetAwaiter().GetResult();
}
