using System.Reflection;
using System.Runtime.ExceptionServices;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;

namespace ProcessFunctions.DevHost;

/// <summary>A queue-triggered function as its attributes declare it.</summary>
public sealed record QueueFunction(string Name, string Queue, MethodInfo Method);

/// <summary>
/// Runs the Functions app's queue-triggered functions in the dev host, as the Functions host
/// would: polls each queue (named with the storage name prefix), runs up to batchSize messages
/// at once and fetches more when no more than newBatchThreshold are running, deletes a message
/// when its function succeeds, makes a failed one visible again after visibilityTimeout, and
/// moves a message that failed its maxDequeueCount-th time to the queue's -poison queue. The
/// values come from the repository's host.json. Set DevHost:RunQueues to false to turn it off.
/// </summary>
public sealed partial class QueueTriggerHost(
    IServiceProvider services, StorageClients storage, IConfiguration configuration, ILogger<QueueTriggerHost> logger)
    : BackgroundService
{
    // How long a received message stays invisible while its function runs (the host renews it; this does not).
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<QueueFunction> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>(),
                trigger: method.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>())
                    .FirstOrDefault(t => t is not null)))
            .Where(m => m.function is not null && m.trigger is not null)
            .Select(m => new QueueFunction(m.function!.Name, m.trigger!.QueueName, m.method))
            .ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("DevHost:RunQueues", true))
        {
            return;
        }

        var settings = QueueSettings.Read(Path.Combine(RepositoryRoot.Find(), "host.json"), configuration);
        if (!settings.MessageEncoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("host.json must keep messageEncoding base64: the app sends base64 messages.");
        }

        var functions = Discover(typeof(HttpApi).Assembly);
        LogStarted(logger, functions.Count, settings.BatchSize, settings.MaxDequeueCount, settings.VisibilityTimeout);
        await Task.WhenAll(functions.Select(function => PollAsync(function, settings, stoppingToken)));
    }

    private async Task PollAsync(QueueFunction function, QueueSettings settings, CancellationToken stoppingToken)
    {
        var queue = storage.Queue(function.Queue);
        var poison = storage.Queue(function.Queue + QueueNames.PoisonSuffix);
        var idle = MinPollingInterval;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            if (running.Count > settings.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, Lease, stoppingToken)).Value;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                LogPollFailed(logger, e, function.Queue);
                messages = [];
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (messages.Length == 0)
            {
                await Delay(idle, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                continue;
            }

            idle = MinPollingInterval;
            running.AddRange(messages.Select(message => HandleAsync(function, queue, poison, message, settings, stoppingToken)));
        }

        await Task.WhenAll(running);
    }

    private async Task HandleAsync(
        QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, QueueSettings settings,
        CancellationToken stoppingToken)
    {
        try
        {
            // A message that outlived its dequeue count without a verdict (its run crashed) is poisoned unrun.
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, poison, message);
                return;
            }

            try
            {
                await InvokeAsync(function, message.Body.ToString(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFunctionFailed(logger, e, function.Name, message.MessageId, message.DequeueCount);
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(function, queue, poison, message);
                }
                else
                {
                    await queue.UpdateMessageAsync(
                        message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout,
                        cancellationToken: CancellationToken.None);
                }

                return;
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException)
        {
            // Storage itself failed: the message reappears when its lease ends, as in the Functions host.
            LogPollFailed(logger, e, function.Queue);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task InvokeAsync(QueueFunction function, string text, CancellationToken cancellationToken)
    {
        // The worker creates function classes per invocation through DI; so does this host.
        await using var scope = services.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var type when type == typeof(string) => text,
            var type when type == typeof(CancellationToken) => (object)cancellationToken,
            _ => throw new NotSupportedException(
                $"The dev host cannot bind parameter '{parameter.Name}' of {function.Name}; " +
                "queue functions take the message as a string and a cancellation token."),
        }).ToArray();
        try
        {
            await (Task)function.Method.Invoke(instance, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
    }

    private async Task MoveToPoisonAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message)
    {
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(message.Body.ToString());
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        LogPoisoned(logger, message.MessageId, function.Queue, message.DequeueCount);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information,
        Message = "Running {Count} queue functions: batch size {BatchSize}, max dequeue count {MaxDequeueCount}, visibility timeout {VisibilityTimeout}")]
    private static partial void LogStarted(
        ILogger logger, int count, int batchSize, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning,
        Message = "Function {Function} failed on message {MessageId} (dequeue {DequeueCount})")]
    private static partial void LogFunctionFailed(
        ILogger logger, Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Error,
        Message = "Message {MessageId} moved from {Queue} to its poison queue after {DequeueCount} dequeues")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, long dequeueCount);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);
}
