using System.Globalization;

namespace Literacy.Modules.People;

/// <summary>A provincial-level region, by its GB/T 2260 code. Names are data, like course titles, in both site languages.</summary>
public sealed record Region(string Code, string NameZh, string NameEn)
{
    public string Name(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

public static class Regions
{
    public static IReadOnlyList<Region> All { get; } =
    [
        new("11", "北京", "Beijing"), new("12", "天津", "Tianjin"), new("13", "河北", "Hebei"), new("14", "山西", "Shanxi"),
        new("15", "内蒙古", "Inner Mongolia"), new("21", "辽宁", "Liaoning"), new("22", "吉林", "Jilin"),
        new("23", "黑龙江", "Heilongjiang"), new("31", "上海", "Shanghai"), new("32", "江苏", "Jiangsu"),
        new("33", "浙江", "Zhejiang"), new("34", "安徽", "Anhui"), new("35", "福建", "Fujian"), new("36", "江西", "Jiangxi"),
        new("37", "山东", "Shandong"), new("41", "河南", "Henan"), new("42", "湖北", "Hubei"), new("43", "湖南", "Hunan"),
        new("44", "广东", "Guangdong"), new("45", "广西", "Guangxi"), new("46", "海南", "Hainan"), new("50", "重庆", "Chongqing"),
        new("51", "四川", "Sichuan"), new("52", "贵州", "Guizhou"), new("53", "云南", "Yunnan"), new("54", "西藏", "Tibet"),
        new("61", "陕西", "Shaanxi"), new("62", "甘肃", "Gansu"), new("63", "青海", "Qinghai"), new("64", "宁夏", "Ningxia"),
        new("65", "新疆", "Xinjiang"), new("71", "台湾", "Taiwan"), new("81", "香港", "Hong Kong"), new("82", "澳门", "Macao"),
    ];

    public static Region? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
