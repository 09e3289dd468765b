using System.Data.Common;

namespace Switchboard.Server.Storage;

/// <summary>
/// The transaction a group-committed batch of writes shares (see <see cref="WriteLane"/>), with what one write may leave
/// for the next writes of the same batch: values it established (<see cref="Remember"/>, kept only if the write succeeds
/// as a whole, since a failed write is rolled back to its savepoint) and steps that run once, just before the COMMIT
/// (<see cref="BeforeCommit"/>). Dies with the transaction, so nothing in it outlives a rollback.
/// </summary>
public sealed class WriteBatch(DbConnection connection, DbTransaction transaction)
{
    readonly Dictionary<object, object> values = [];
    readonly Dictionary<object, object> pending = [];
    readonly Dictionary<object, Func<DbConnection, DbTransaction, Task>> beforeCommit = [];

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    /// <summary>A value an earlier, successful write of this batch remembered under <paramref name="key"/>.</summary>
    public bool TryRecall<T>(object key, out T value)
    {
        if (values.TryGetValue(key, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Remembers a value for the batch's later writes, from the moment the current write has succeeded.</summary>
    public void Remember(object key, object value) => pending[key] = value;

    /// <summary>Runs <paramref name="step"/> once before the batch commits (a second registration under the same key is ignored).</summary>
    public void BeforeCommit(object key, Func<DbConnection, DbTransaction, Task> step) => beforeCommit.TryAdd(key, step);

    internal void WriteSucceeded()
    {
        foreach (var (key, value) in pending) values[key] = value;
        pending.Clear();
    }

    internal void WriteFailed() => pending.Clear();

    internal async Task RunBeforeCommitAsync()
    {
        foreach (var step in beforeCommit.Values) await step(connection, transaction);
    }
}
