from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.core.quantity import Quantity, parse_quantity
from curator.core.suggest import Suggestion, suggest


def figures(text: str) -> list[Suggestion]:
    return suggest(text, ["figure"])


def only_figure(text: str) -> Suggestion:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


ACCEPTANCE = [
    # (phrase, expected span, value, unit, qualifier)
    ("注册志愿者超3万人", "超3万人", 30000, "人", "超"),
    ("服务群众30余万人次", "30余万人次", 300000, "人次", "余"),
    ("滚动播出公益广告5000余条次", "5000余条次", 5000, "条次", "余"),
    ("累计服务1.6万次", "1.6万次", 16000, "次", ""),
    ("该项目总投资488万元，", "488万元", 4880000, "元", ""),
    ("文化服务场馆覆盖率超97%，", "超97%", 97, "%", "超"),
    ("已有百余名市民报名", "百余名", 100, "名", "余"),
    ("共计三千余人参加", "三千余人", 3000, "人", "余"),
    ("发放宣传品三千余份", "三千余份", 3000, "份", "余"),
]


@pytest.mark.parametrize(("phrase", "span", "value", "unit", "qualifier"), ACCEPTANCE)
def test_acceptance_table_by_suggest(phrase: str, span: str, value: float, unit: str, qualifier: str) -> None:
    s = only_figure(phrase)
    assert (s.text, phrase[s.start:s.end]) == (span, span)
    assert (s.attrs["value"], s.attrs["unit"], s.attrs["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize(("phrase", "span", "value", "unit", "qualifier"), ACCEPTANCE)
def test_acceptance_table_by_parse_quantity(phrase: str, span: str, value: float, unit: str, qualifier: str) -> None:
    assert parse_quantity(span) == Quantity(value, unit, qualifier)


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("全市共计5000人参与", "5000人"),
        ("累计精简材料171件", "171件"),
        ("提前办结率达86%", "86%"),
        ("参与群众超过5000人", "超过5000人"),
        ("受益群众逾200户", "逾200户"),
        ("参与人数近80%", "近80%"),
        ("参与群众约3000人左右", "约3000人左右"),
    ],
)
def test_comparators_inside_and_verbs_outside(phrase: str, span: str) -> None:
    assert only_figure(phrase).text == span


@pytest.mark.parametrize(
    ("phrase", "span", "value", "unit", "qualifier"),
    [
        ("已招募志愿者2600\n余名，", "2600\n余名", 2600, "名", "余"),
        ("嘉峪关将 57 家责任单位纳入", "57 家", 57, "家", ""),
        ("清理垃圾 93.42 吨，", "93.42 吨", 93.42, "吨", ""),
        ("25000 余名群众同心同力", "25000 余名", 25000, "名", "余"),
        ("主题党日活动 850 多\n次、", "850 多\n次", 850, "次", "多"),
        ("包街责任制，99\n\n家单位", "99\n\n家", 99, "家", ""),
        ("已有百余\n\n名市民报名", "百余\n\n名", 100, "名", "余"),
        ("招募志愿者３万人", "３万人", 30000, "人", ""),
        ("服务１.６万次", "１.６万次", 16000, "次", ""),
        ("达到９７％", "９７％", 97, "%", ""),
    ],
)
def test_ocr_spaces_line_breaks_and_full_width_digits(
    phrase: str, span: str, value: float, unit: str, qualifier: str
) -> None:
    s = only_figure(phrase)
    assert s.text == span == phrase[s.start:s.end]
    assert (s.attrs["value"], s.attrs["unit"], s.attrs["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("phrase", "negative"),
    [
        ("为做好8月3日在格尔木市举办的闭幕式", "8月3日"),
        ("2019年9月被中央文明委确定为试点", "2019年9月"),
        ("2019年 9月被确定为试点", "2019年 9月"),
        ("印发《格尔木市2021—2023年创建全国文明城市工作方案》", "2021—2023年"),
        ("2021—2023年，全市将持续开展创建", "2021—2023年"),
        ("2018年以前，缺少规划", "2018年"),
        ("12345市民服务热线等平台", "12345"),
        ("12319城管热线", "12319"),
        ("拨打0979-8412345咨询", "0979-8412345"),
        ("举办的第二十一届环青海湖国际公路自行车赛", "第二十一届"),
        ("10人入选第三届“格尔木好人”", "第三届"),
        ("第 3 名", "第 3 名"),
        ("“15分钟文化圈”基本形成", "15分钟"),
        ("打造公共服务“15分钟便民生活圈”", "15分钟"),
        ("落实“十个一”要求", "十个一"),
        ("以制度压实市级领导“六个一”责任", "六个一"),
        ("严格落实施工工地“六个百分百”规定", "六个百分百"),
        ("创新街道“3341”党建工作模式", "3341"),
        ("健全“1+8+N”服务模式", "1+8+N"),
        ("实行“8 小时工作\n\n制+延时错峰实时监管巡查4小时”无缝隙工作模式", "8 小时工作\n\n制+延时错峰实时监管巡查4小时"),
        ("推广A2O模式", "A2O"),
        ("建设5G基站", "5G"),
        ("开展一场环境卫生整治攻坚战", "一场"),
        ("统筹实施一批重点工程", "一批"),
        ("做到两个维护", "两个"),
        ("以三大工程为载体", "三大"),
        ("千家万户", "千家万户"),
        ("这十分重要", "十分"),
        ("救助两岁小女孩", "两岁"),
        ("67岁的三线精神宣讲志愿者", "67岁"),
        ("庆祝中国共产党成立100周年大会", "100周年"),
        ("“十四五”开局之年", "十四五"),
        ("8月 4日 14 时 30 分，悠扬的歌声", "14 时 30 分"),
        ("1.加强组织领导", "1."),
        ("2、完善工作机制", "2、"),
        ("（一）强化宣传", "一"),
        ("覆盖率提高30%—50%", "30%—50%"),
        ("覆盖率提高30%~50%", "30%~50%"),
        ("每组3至5人", "3至5人"),
        ("每组3-5人", "3-5人"),
        ("呵护祖国花朵3", "3"),
        ("五一劳动节期间", "五一"),
    ],
)
def test_not_figures(phrase: str, negative: str) -> None:
    start = phrase.index(negative)
    end = start + len(negative)
    overlapping = [s for s in figures(phrase) if s.start < end and start < s.end]
    assert overlapping == []


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("开展各类主题教育活动600余场次……", "600余场次"),
        ("等十多个文件", "十多个"),
        ("制定九项专项整治方案", "九项"),
        ("全市1个中心、3个分中心", "1个"),
        ("已有2所学校", "2所"),
        ("从30%提升至50%", "30%"),  # 至 after a verb is not a range
    ],
)
def test_counts_that_are_figures(phrase: str, span: str) -> None:
    assert figures(phrase)[0].text == span


def test_long_speech_quotes_keep_their_figures() -> None:
    text = "他说：“今年我们招募了300名志愿者，开展活动50场。”"
    assert [s.text for s in figures(text)] == ["300名", "50场"]


@pytest.mark.parametrize(
    ("phrase", "indicator"),
    [
        ("注册志愿者超3万人，", "注册志愿者"),
        ("有志愿服务队324支，", "志愿服务队"),
        ("全市共有各类各级文明单位257个，", "文明单位"),
        ("下设督查考评、追责问责等5个专项工作组。", "专项工作组"),
        ("提前办结率达86%，", "提前办结率"),
        ("累计精简材料171件，", "精简材料"),
        ("文化服务场馆(站、室)覆盖率超97%，", "文化服务场馆覆盖率"),
        ("收到企业和群众送的锦旗29面，", "锦旗"),
        ("改造提升39个老旧小区、51条道路", "老旧小区"),
        ("先后有3人获全国道德模范提名奖", "全国道德模范提名奖"),
        ("目前已招募志愿者2600余名，", "志愿者"),
        ("组建志\n愿服务总队1支，", "志愿服务总队"),  # OCR line break inside the words
        ("全区共出动车辆\n\n1303辆次，", "出动车辆"),
        ("拖欠工资等 19 个重点领域的诚信缺失问题", "重点领域"),
        ("先后建成9处小而精致的“口袋公园”", "口袋公园"),
        ("党员、职工、企业等特色志愿服务队5支", "特色志愿服务队"),
    ],
)
def test_indicator(phrase: str, indicator: str) -> None:
    assert figures(phrase)[0].attrs["indicator"] == indicator


@pytest.mark.parametrize("prefix", ["𠮷", "😀", "𠮷😀👨‍👩‍👧", "𠮷\n𠮷 "])
def test_offsets_count_code_points_after_astral_characters(prefix: str) -> None:
    text = prefix + "注册志愿者超3万人，𠮷有志愿服务队324支"
    found = figures(text)
    assert [s.text for s in found] == ["超3万人", "324支"]
    assert [text[s.start:s.end] for s in found] == ["超3万人", "324支"]
    assert found[0].start == len(prefix) + len("注册志愿者")


_ALPHABET = list("0123456789３万千百十余多个人次名%超约近第年月日“”《》，。、 \n志愿者服务队𠮷😀一两三") + ["左右", "超过"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_every_figure_parses_back_to_its_attrs(text: str) -> None:
    for s in figures(text):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert parse_quantity(s.text) == Quantity(s.attrs["value"], s.attrs["unit"], s.attrs["qualifier"])


# --- issue 12: measure words, qualifiers and what is not a figure ------------------------

@pytest.mark.parametrize(
    ("phrase", "span", "value", "unit", "qualifier"),
    [
        ("查处交通违法行为近500起", "近500起", 500, "起", "近"),
        ("日均行走2万步以上", "2万步以上", 20000, "步", "以上"),
        ("撰写心得2万余字", "2万余字", 20000, "字", "余"),
        ("整改点位30个以上，", "30个以上", 30, "个", "以上"),
        ("达标率85%以上", "85%以上", 85, "%", "以上"),
        ("服务群众超万名", "超万名", 10000, "名", "超"),
        ("劝导行为近千次", "近千次", 1000, "次", "近"),
        ("受益群众超过3万人", "超过3万人", 30000, "人", "超"),
        ("举办讲座300余场（次），", "300余场（次）", 300, "场（次）", "余"),
        ("开展活动120场(次)", "120场(次)", 120, "场(次)", ""),
    ],
)
def test_new_measure_words_and_qualifiers(phrase: str, span: str, value: float, unit: str, qualifier: str) -> None:
    s = only_figure(phrase)
    assert (s.text, s.attrs["value"], s.attrs["unit"], s.attrs["qualifier"]) == (span, value, unit, qualifier)
    assert parse_quantity(span) == Quantity(value, unit, qualifier)


def test_a_number_right_after_an_ascii_full_stop() -> None:
    assert [s.text for s in figures("设置劝导岗58个.320名党员参与劝导")] == ["58个", "320名"]


def test_a_decimal_point_still_joins_its_digits() -> None:
    assert [s.text for s in figures("治理河道12.5公里")] == ["12.5公里"]


@pytest.mark.parametrize(
    "phrase",
    [
        "在全省测评中位列前三名",  # a rank
        "排名前10位的城市",
        "每万人口拥有志愿服务组织数量居前列",  # a per-capita base
        "每10万人拥有图书馆",
        "在和平路北三条胡同",  # inside a street name
        "住在康复科15床的老人",  # a bed number
    ],
)
def test_not_figures_of_issue_12(phrase: str) -> None:
    assert figures(phrase) == []


@pytest.mark.parametrize("phrase", ["注册志愿者超3万人", "三千余人", "近500起"])
def test_figures_carry_a_score(phrase: str) -> None:
    assert 0.8 <= only_figure(phrase).attrs["score"] <= 1.0


@pytest.mark.parametrize(("phrase", "span", "qualifier"), [("修订村规民约82份", "82份", ""), ("签订公约30份", "30份", ""),
                                                        ("大约500人参加", "约500人", "约")])
def test_yue_ending_a_word_is_no_comparator(phrase: str, span: str, qualifier: str) -> None:
    s = only_figure(phrase)
    assert (s.text, s.attrs["qualifier"]) == (span, qualifier)
