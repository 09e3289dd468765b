namespace Switchboard.Server.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }
