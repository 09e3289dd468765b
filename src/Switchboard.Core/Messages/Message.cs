namespace Switchboard.Core.Messages;

/// <summary>A message snapshot. <see cref="Ordinal"/> is its position in the conversation, the same for every viewer.</summary>
public sealed record Message
{
    public required long Id { get; init; }
    public required long WorkspaceId { get; init; }
    public required long ConversationId { get; init; }
    public required long Ordinal { get; init; }
    public required string ClientMessageId { get; init; }
    public required SenderRole SenderRole { get; init; }
    /// <summary>The member (operator) or contact (customer) who wrote it; null for bot and system messages.</summary>
    public long? SenderId { get; init; }
    public required string Text { get; init; }
    /// <summary>An internal note: visible to the team only, never to the customer.</summary>
    public bool IsNote { get; init; }
    public required DeliveryStatus Status { get; init; }
    public string? Error { get; init; }
    /// <summary>The operator who owned the conversation when this message was written (for statistics).</summary>
    public long? HandledByOperatorId { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsInbound => SenderRole == SenderRole.Customer;
}
