namespace Switchboard.Core.Messages;

/// <summary>Who wrote a message. Customer messages are inbound; the rest are outbound.</summary>
public enum SenderRole
{
    Customer,
    Operator,
    Bot,
    System,
}
