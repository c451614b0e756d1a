namespace ProcessFunctions.Domain.Common;

/// <summary>Documented limits; each is enforced with a validation problem naming the field.</summary>
public static class Limits
{
    public const int NameLength = 200;
    public const int DescriptionLength = 2000;
    public const int StagesPerProcess = 50;
    public const int StepsPerStage = 100;
    public const int MaxWeight = 100;
    public const int SelectedMembers = 50;
    public const int MaxDueInDays = 365;
    public const int RequestBodyBytes = 256 * 1024;
    public const int EmailLength = 254;
    public const int KeysPerMember = 20;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int IdLength = 64;
}
