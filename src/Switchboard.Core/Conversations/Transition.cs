namespace Switchboard.Core.Conversations;

/// <summary>The result of a state-machine step: the new snapshot and why it changed.</summary>
/// <param name="Next">The conversation after the step (version already advanced).</param>
/// <param name="Change">What happened, for the event.</param>
/// <param name="CustomerWroteMeanwhile">An operator reply found customer messages newer than the seq it had seen.</param>
public sealed record Transition(Conversation Next, ConversationChange Change, bool CustomerWroteMeanwhile = false);
