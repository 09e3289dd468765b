using System.Reflection;
using Xunit.Sdk;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: both must pass the same suite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseKind.Sqlite], [DatabaseKind.Postgres]];
}
