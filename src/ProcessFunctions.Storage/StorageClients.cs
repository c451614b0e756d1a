using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ProcessFunctions.Storage;

/// <summary>
/// The Azure SDK clients of one storage account, built once. Every request of every client
/// passes through <see cref="Counter"/>, which tests use to assert storage round trips.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        Options = options;
        var tableOptions = WithCounter(new TableClientOptions());
        var queueOptions = WithCounter(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var blobOptions = WithCounter(new BlobClientOptions());

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            return;
        }

        if (options.TableServiceUri is null || options.QueueServiceUri is null || options.BlobServiceUri is null)
        {
            throw new InvalidOperationException(
                "Storage is not configured: set a connection string, or the table, queue and blob service URIs.");
        }

        // In Azure the chain finds the user-assigned identity named by its client id; on a
        // developer's machine the same chain falls back to their Azure CLI or IDE sign-in.
        TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });
        Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
        Queues = new QueueServiceClient(options.QueueServiceUri, credential, queueOptions);
        Blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
    }

    public StorageOptions Options { get; }
    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public BlobServiceClient Blobs { get; }
    public StorageRequestCounter Counter { get; } = new();

    /// <summary>True when the identity-based path (no connection string) is in use.</summary>
    public bool UsesManagedIdentity => string.IsNullOrWhiteSpace(Options.ConnectionString);

    public TableClient Table(string name) => Tables.GetTableClient(Options.TableName(name));

    public QueueClient Queue(string name) => Queues.GetQueueClient(Options.QueueName(name));

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Options.QueueName(name));

    private T WithCounter<T>(T clientOptions) where T : ClientOptions
    {
        clientOptions.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
        return clientOptions;
    }
}

/// <summary>
/// Counts HTTP requests sent to storage, retries included: in total, and within a scope that
/// follows one logical operation (an async flow), so that background work is not counted in.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private static readonly AsyncLocal<Scope?> Current = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts the requests of the current async flow until disposed.</summary>
    public static Scope BeginScope() => Current.Value = new Scope();

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        Current.Value?.Record(message.Request);
    }

    /// <summary>The requests one operation sent, by kind.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly List<string> _requests = [];

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToList();
                }
            }
        }

        internal void Record(Request request)
        {
            lock (_requests)
            {
                _requests.Add($"{request.Method} {request.Uri.Host}:{request.Uri.Port}{request.Uri.Path}");
            }
        }

        public void Dispose()
        {
            if (Current.Value == this)
            {
                Current.Value = null;
            }
        }
    }
}
