using Geo.Rendering.Words;

namespace Geo.Tests.Rendering;

public class OutputLanguageTests
{
    [Fact]
    public void Detect_dataInChengdu_isChinese_evenWithEnglishNames()
    {
        var (language, reason) = OutputLanguages.Detect(new[] { "Post Office", "China railway poste office" }, 104.06, 30.66);
        Assert.Equal(OutputLanguage.Zh, language);
        Assert.Contains("lies in China", reason);
    }

    [Fact]
    public void Detect_dataInAndorra_isEnglish()
    {
        var (language, reason) = OutputLanguages.Detect(new[] { "Ordino", "Canillo", "Andorra la Vella" }, 1.52, 42.55);
        Assert.Equal(OutputLanguage.En, language);
        Assert.Contains("outside China", reason);
    }

    [Fact]
    public void Detect_outsideChinaWithMostlyChineseNames_isChinese_andPlanningCellsDoNotCount()
    {
        Assert.Equal(OutputLanguage.Zh, OutputLanguages.Detect(new[] { "唐人街驿站", "中华会馆", "Main Street" }, -122.4, 37.79).Language);
        Assert.Equal(OutputLanguage.En, OutputLanguages.Detect(new[] { "网格 A-1", "网格 A-2", "Main Street" }, -122.4, 37.79).Language);
    }

    [Fact]
    public void UnitKind_fromDescriptionAndNames()
    {
        Assert.Equal(UnitKind.PlanningCell, UnitKinds.Of("1 km planning cells (网格)", new[] { "网格 A-1" }));
        Assert.Equal(UnitKind.Community, UnitKinds.Of("layer 'communities'", new[] { "玉林社区", "芳草社区" }));
        Assert.Equal(UnitKind.District, UnitKinds.Of("admin_level 6", new[] { "武侯区", "锦江区" }));
        Assert.Equal(UnitKind.Subdistrict, UnitKinds.Of("admin_level 8", new[] { "玉林街道", "Ordino" }));
        Assert.Equal("网格", UnitKind.PlanningCell.Term().Zh);
        Assert.Equal("subdistrict", UnitKind.Subdistrict.Term().En);
    }
}
