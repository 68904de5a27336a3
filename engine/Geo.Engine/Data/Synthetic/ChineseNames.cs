namespace Geo.Data.Synthetic;

/// <summary>Plausible, unique Chinese place names for generated streets, subdistricts and stations.</summary>
internal sealed class ChineseNames
{
    private static readonly string[] First =
    {
        "人民", "建设", "解放", "光华", "青羊", "锦江", "武侯", "金牛", "成华", "天府", "红星", "春熙", "玉林", "桐梓", "蜀汉",
        "草堂", "文殊", "驷马", "望江", "九眼", "浆洗", "抚琴", "营门", "沙湾", "东升", "西华", "南河", "北城", "府河", "猛追",
        "双林", "槐树", "新华", "和平", "永丰", "太升", "盐市", "骡马", "督院", "梨花", "芳草", "紫荆", "桂溪", "石羊", "中和",
    };

    private static readonly string[] Second =
    {
        "东", "西", "南", "北", "中", "新", "二", "三", "一", "上", "下", "前", "后", "外", "内", "正", "横", "长", "顺", "兴",
    };

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Random _random;

    public ChineseNames(Random random) => _random = random;

    /// <summary>A new name ending in <paramref name="suffix"/> (路, 街, 大道, 街道 …), never handed out before.</summary>
    public string Next(string suffix)
    {
        for (int attempt = 0; ; attempt++)
        {
            string name = First[_random.Next(First.Length)] + (attempt < 200 ? Second[_random.Next(Second.Length)] : (attempt / 200).ToString()) + suffix;
            if (_used.Add(name)) return name;
        }
    }
}
