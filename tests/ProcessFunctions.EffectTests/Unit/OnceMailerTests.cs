using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class OnceMailerTests
{
    private static readonly EmailOrigin Origin = new("acc_1", "evt_1", "deal.step_completed", "deal_1", "stp_1");
    private static readonly Recipient To = new("mbr_1", "sara@acme.example", "Sara");
    private static readonly EmailMessage Email = new(new EmailAddress(To.Email), "Subject", "<p>Hi</p>", "Hi", new Dictionary<string, string?>());

    private readonly Mock<IEmailSender> _sender = new();
    private readonly Mock<IEffectLedger> _ledger = new();
    private readonly Mock<IEffectFailureLog> _failures = new();

    [Fact]
    public async Task SendAsync_settled_effect_sends_nothing()
    {
        Claim(ClaimOutcome.AlreadySettled);

        await Mailer().SendAsync(Origin, To, Email, default);

        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendAsync_claim_held_elsewhere_throws_so_the_message_is_retried()
    {
        Claim(ClaimOutcome.InFlight);

        await Assert.ThrowsAsync<EffectInFlightException>(() => Mailer().SendAsync(Origin, To, Email, default));

        _sender.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendAsync_failure_that_may_pass_gives_the_claim_back_and_throws()
    {
        Claim(ClaimOutcome.Acquired);
        _sender.Setup(s => s.SendAsync(Email, It.IsAny<CancellationToken>())).ThrowsAsync(new EmailUnavailableException("down", 503));

        await Assert.ThrowsAsync<EmailUnavailableException>(() => Mailer().SendAsync(Origin, To, Email, default));

        _ledger.Verify(l => l.ReleaseAsync("acc_1", "evt_1", "email|mbr_1", It.IsAny<CancellationToken>()));
        _ledger.Verify(l => l.CompleteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendAsync_refusal_is_settled_as_failed_and_listed_for_administrators()
    {
        Claim(ClaimOutcome.Acquired);
        _sender.Setup(s => s.SendAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(EmailOutcome.Rejected(400, "Bad address"));

        await Mailer().SendAsync(Origin, To, Email, default);

        _ledger.Verify(l => l.FailAsync("acc_1", "evt_1", "email|mbr_1", It.IsAny<string>(), It.IsAny<CancellationToken>()));
        _failures.Verify(f => f.AddAsync("acc_1", It.Is<EffectFailure>(
            failure => failure.Kind == FailureKind.EmailRejected && failure.MemberId == "mbr_1"), It.IsAny<CancellationToken>()));
    }

    private void Claim(ClaimOutcome outcome) =>
        _ledger.Setup(l => l.ClaimAsync("acc_1", "evt_1", "email|mbr_1", It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(outcome);

    private OnceMailer Mailer() => new(
        _sender.Object, _ledger.Object, _failures.Object, new EffectOptions(new Uri("https://app.example/"), false),
        TimeProvider.System, NullLogger<OnceMailer>.Instance);
}
