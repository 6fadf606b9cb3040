from __future__ import annotations

import pytest

from curator.core.suggest import suggest


def texts(text: str, label: str) -> list[str]:
    found = suggest(text, [label])
    assert all(text[s.start:s.end] == s.text for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在餐桌摆放“公筷公勺”“光盘行动”提示牌", ["光盘行动"]),
        ("推广“四汇为民服务工作法”", ["四汇为民服务工作法"]),
        ("开展“礼让斑马线”文明交通行动", ["“礼让斑马线”文明交通行动"]),  # a descriptive phrase: the full name
        ("常态化实施“大排查、大整治、大提升”活动", ["大排查、大整治、大提升"]),
        ("以“党建领航”“育人引路”“活动促行”三大工程为载体", ["党建领航", "育人引路", "活动促行"]),
        ("实施“小手拉大手、文明一起走”等系列文明实践活动", ["小手拉大手、文明一起走"]),
        ("开展“文明交通劝导”志愿服务活动", ["文明交通劝导"]),
        ("落实志愿服务“双报到”机制", ["双报到"]),
        ("实行快递“邮寄办”、开展“预约办”", ["预约办"]),
        ("开展「美丽庭院」创建活动", ["美丽庭院"]),
        ("深化“诚信雄关”\n\n建设行动", ["诚信雄关"]),
        ("格尔木市“文明交\n\n通”共建活动全面启动", ["文明交\n\n通"]),
    ],
)
def test_initiatives(text: str, names: list[str]) -> None:
    assert texts(text, "initiative") == names


@pytest.mark.parametrize(
    "text",
    [
        "“志愿红”随处可见",
        "提升城乡“颜值”",
        "以“金枫温度”开展矛盾纠纷化解",
        "为文明城市创建增添温暖颜色，化身“整治员”“宣传员”“劝导员”",
        "“没啥感谢，谁家没有孩子，谁看到那个情况也不能不管”，他说。这是活动",
        "落实《格尔木市组织开展志愿服务“双报到”活动的实施方案》",
        "以“绣花功夫”深入推进城市建管精细化工作",
        "开展“主题式”“普惠式”、“特惠式”文明实践活动",  # adjectives
    ],
)
def test_not_initiatives(text: str) -> None:
    assert texts(text, "initiative") == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("持续推进《全国文明城市测评体系》各项指标", ["全国文明城市测评体系"]),
        ("编发《格尔木市民文明手册》10万册", ["格尔木市民文明手册"]),
        ("印发了《A方案》《B办法》等", ["A方案", "B办法"]),
        ("落实《中小学生日常行为\n规范》为抓手", ["中小学生日常行为\n规范"]),
        ("没有书名号的文件", []),
    ],
)
def test_docs_exclude_the_brackets(text: str, titles: list[str]) -> None:
    assert texts(text, "doc") == titles


# --- issue 12: unquoted works, campaigns named without a trigger, full names ---------------

@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("2023年，区里启动龙溪港综合治理，治理河道12公里", ["龙溪港综合治理"]),
        ("推进老旧小区改造提升工程，惠及居民", ["老旧小区改造提升工程"]),
        ("实施圣城街示范街建设、弥河综合治理等重点项目", ["圣城街示范街建设", "弥河综合治理"]),
        ("全面推动19个重点领域的诚信缺失问题专项整治行动", ["诚信缺失问题专项整治行动"]),
        ("张贴海报宣传“门前三包”", ["门前三包"]),
        ("倡导市民践行“绿色出行”", ["绿色出行"]),
        ("深入开展“文明餐桌”“绿色出行”等主题活动", ["文明餐桌", "绿色出行"]),
        ("区妇联开展“最美家庭”评选", ["最美家庭"]),
        ("推出“三治融合工作法”文明素质提升专项行动", ["“三治融合工作法”文明素质提升专项行动"]),
        ("开展“小手拉大手”文明交通倡导活动", ["“小手拉大手”文明交通倡导活动"]),
        ("“美丽乡村”行动、“清洁家园”项目建设、“文明同行”……一系列举措", ["美丽乡村", "清洁家园", "文明同行"]),
        ("开展“银龄先锋”活动。“银龄先锋”是一个缩影", ["银龄先锋", "银龄先锋"]),  # the same name elsewhere
    ],
)
def test_initiatives_of_issue_12(text: str, names: list[str]) -> None:
    assert texts(text, "initiative") == names


@pytest.mark.parametrize(
    "text",
    [
        "区里推行“定制式”服务",  # an adjective
        "针对公共空间、背街小巷、居民小区等重点区域开展环境整治",  # generic places
        "打造出一批小而美的“口袋公园”",  # an object
        "推行“群众点单、基层报单、中心派单、队伍接单、群众和中心评单”精准服务方式",  # a method
        "开辟“匠人时光”等室内外活动场所12个",  # 活动场所 is no trigger
        "健全“1+8+N”服务模式",  # 模式 is no programme
        "统筹推进城乡各类市场改造提升，",
    ],
)
def test_not_initiatives_of_issue_12(text: str) -> None:
    assert texts(text, "initiative") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("以“志愿宁波·文明江北”为主题，深入开展创建", ["志愿宁波·文明江北"]),  # a campaign's theme
        ("志愿服务“红”遍街头", []),  # one character is no name
    ],
)
def test_themes_and_one_character_quotes(text: str, names: list[str]) -> None:
    assert texts(text, "initiative") == names
