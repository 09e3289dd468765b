namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// Turns sentences into unit-length vectors whose dot product is their semantic similarity. <see cref="Model"/> names
/// the model and its version: stored vectors of another model are stale and are computed again.
/// </summary>
public interface ITextEmbedder
{
    string Model { get; }

    /// <summary>
    /// Completes when the model is loaded, so <see cref="Embed"/> does not wait for it. Loading (seconds of CPU, once per
    /// process) runs on a thread of its own: awaiting it holds no thread-pool thread and no lock.
    /// </summary>
    Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether <paramref name="word"/> (lowercase) is a whole word of the model's vocabulary; a word it is not is split
    /// into pieces, and is most likely misspelt (<see cref="FaqSpelling"/>). A model without a vocabulary knows every word.
    /// </summary>
    bool Knows(string word) => true;

    /// <summary>CPU-bound and synchronous: call it from a job (or an admin's request), never from a customer's.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
