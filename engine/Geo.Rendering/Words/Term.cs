namespace Geo.Rendering.Words;

/// <summary>One word of the glossary in both languages, with what it means in a planner's words.</summary>
public sealed record Term(string Key, string Zh, string En, string MeaningZh = "", string MeaningEn = "")
{
    public string In(OutputLanguage language) => language == OutputLanguage.Zh ? Zh : En;

    public string Meaning(OutputLanguage language) => language == OutputLanguage.Zh ? MeaningZh : MeaningEn;
}
