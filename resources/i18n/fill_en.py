"""Fill curator_en.ts with the English texts below (run after pyside6-lupdate, before pyside6-lrelease).

    pyside6-lupdate curator/ui/*.py curator/ui/panels/*.py -ts resources/i18n/curator_en.ts
    python resources/i18n/fill_en.py
    pyside6-lrelease resources/i18n/curator_en.ts -qm resources/i18n/curator_en.qm

Texts without an entry here stay unfinished in the .ts (and show in Chinese).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ENGLISH = {
    "导出时出现意外错误：{0}: {1}": "The export failed unexpectedly: {0}: {1}",
    "学习": "Learn",
    "从已接受的标注学习，为本文提出更多建议（带分数）；之后随标注自动重新学习": "Learn from the accepted spans and suggest more for this document (with scores); it relearns as you annotate",
    "学习失败：{0}": "Learning failed: {0}",
    "还没有已接受的标注可供学习：先标注或接受一些建议。": "Nothing accepted to learn from yet: tag or accept some suggestions first.",
    "正在学习…": "Learning…",
    "已接受的标注还不够学习。": "Not enough accepted spans to learn from yet.",
    "学习建议：新增 {0} 条（依据 {1} 篇文章中的 {2} 个标注）": "Learned suggestions: {0} new (from {2} spans in {1} documents)",
    "隐藏分数低于此值的建议（规则和学习的建议都带分数）": "Hide suggestions scored below this (the rules' and the learned ones both carry scores)",
    "此项目正由另一台电脑上的 curator 打开（{0}），现以只读方式显示；修改不会保存。若那里已不再打开它，可运行 curator unlock \"{1}\" 后重新打开。": "This project is open in curator on another computer ({0}); it is shown read-only and changes are not saved. If it is no longer open there, run curator unlock \"{1}\" and open it again.",
    "备份未能完成：{0}。请腾出磁盘空间或检查备份文件夹 {1}。": "Backups are not being made: {0}. Free some disk space or check the backup folder {1}.",
    # clipboard and formats
    "粘贴为新文章": "Paste as new document",
    "粘贴为新文章…": "Paste as new document…",
    "剪贴板": "Clipboard",
    "网址或报刊名称": "Web address or newspaper",
    "例如 2023-07-12": "e.g. 2023-07-12",
    "{0} 字": "{0} characters",
    "剪贴板里没有文字。": "The clipboard holds no text.",
    "剪贴板里的文字超过 20 MB，请分开粘贴。": "The clipboard's text is over 20 MB; paste it in parts.",
    "把剪贴板里的文字（网页或纯文本）粘贴为新文章": "Paste the clipboard (a web page or plain text) as a new document",
    "支持 .txt（各种编码）、.docx、.doc/.wps/.rtf（需 LibreOffice）、网页 .html/.mhtml、.pdf、.jsonl、Label Studio 与 doccano 导出；文件夹会包括子文件夹。": "Reads .txt (any encoding), .docx, .doc/.wps/.rtf (with LibreOffice), web pages (.html/.mhtml), .pdf, .jsonl, Label Studio and doccano exports; folders include their subfolders.",
    # export, corrections, review, panels
    '导入修改': 'Import corrections',
    '无法读取工作簿': 'Cannot read the workbook',
    '项目文件已损坏': 'The project file is damaged',
    '{0} 已损坏（{1}）。\n\n要用最新的备份（{2}）恢复它吗？损坏的文件会保留在旁边。': '{0} is damaged ({1}).\n\nRestore it from the newest backup ({2})? The damaged file is kept beside it.',
    '无法恢复': 'Cannot restore',
    '“{0}”另有 {1} 处（{2} 篇文章），已列入建议。': '“{0}” occurs {1} more times (in {2} documents); added as suggestions.',
    '光标处没有建议。': 'No suggestion at the cursor.',
    '接受全部 {0}（{1} 处）': 'Accept all {0} ({1})',
    '导入修改：{0}': 'Import corrections: {0}',
    '读取 {0} 行；{1} 处修改；{2} 行无法匹配（不会猜测，保持不变）。': '{0} rows read; {1} changes; {2} rows could not be matched (not guessed, left as they are).',
    '没有需要修改的内容。': 'Nothing to change.',
    '应用修改': 'Apply changes',
    '浏览…': 'Browse…',
    '导出到': 'Export to',
    '文章状态': 'Document status',
    '全部地点': 'All places',
    '地点': 'Place',
    '标签': 'Labels',
    'Excel 工作簿含 汇总、举措、数据、标注、文章 五张表；每个数字都附有原文句子。': 'The Excel workbook has five sheets: summary, initiatives, figures, spans, documents; every number comes with its sentence.',
    '请选择导出文件。': 'Choose a file to export to.',
    '文件已存在': 'The file exists',
    '{0} 已存在。要替换它吗？': '{0} already exists. Replace it?',
    '导出失败': 'Export failed',
    '已导出：{0}': 'Exported: {0}',
    '导入修改（Excel）…': 'Import corrections (Excel)…',
    '删除标注 / 拒绝建议': 'Delete span / reject suggestion',
    '接受建议': 'Accept suggestion',
    '接受本篇同类建议': 'Accept all suggestions of this label here',
    '推广到所有相同文字': 'Spread tags to every occurrence',
    '标注举措、地点、机构、人物后，把项目中每处相同文字列为建议': 'After tagging an initiative, place, organisation or person, suggest every other occurrence in the project',
    '删除选中的标注；在建议上：拒绝它（不再出现）': 'Delete the selected span; on a suggestion: reject it (it will not come back)',
    '接受光标处的建议': 'Accept the suggestion at the cursor',
    '接受本篇中与光标处建议同类的全部建议': 'Accept every suggestion in this document with the label of the one at the cursor',
    '筛选标注…': 'Filter spans…',
    '删除所选标注（Delete），引用它的事实行随之更新': 'Delete the selected spans (Delete); fact rows citing them are updated',
    '删除 {0} 个标注': 'Delete {0} spans',
    '{0} 个': '{0}',
    '{0} / {1} 个': '{0} / {1}',
    '用规则为本文找出可能的标注': 'Find likely spans in this document with the rules',
    '全部文档': 'All documents',
    '为项目中的每一篇文章生成建议': 'Suggest spans for every document in the project',
    '%v / %m 篇': '%v / %m documents',
    '取消': 'Cancel',
    '接受': 'Accept',
    '接受当前建议（Enter）': 'Accept the current suggestion (Enter)',
    '拒绝': 'Reject',
    '拒绝当前建议，以后不再提出（Backspace）': 'Reject the current suggestion; it will not be proposed again (Backspace)',
    '全部接受': 'Accept all',
    '接受本文中与当前建议同一标签的全部建议（Shift+Enter）': "Accept every suggestion in this document with the current one's label (Shift+Enter)",
    '正在取消…': 'Cancelling…',
    '正在生成建议…': 'Suggesting…',
    '已取消，未保存任何建议。': 'Cancelled; no suggestion was saved.',
    '建议 {0} 处': '{0} suggestions',
    '新增 {0} 条建议。': '{0} new suggestions.',
    '没有新的建议。': 'No new suggestions.',
    '生成建议失败：{0}': 'Suggesting failed: {0}',
    '全部标签（{0}）': 'All labels ({0})',

    # shortcuts
    "用对应标签标注所选文字（见标签栏）": "Tag the selected text with that label (see the label bar)",
    "用键盘选择文字": "Select text with the keyboard",
    "删除选中的标注": "Delete the selected span",
    "取消选择": "Clear selection",
    "下一篇": "Next document",
    "上一篇": "Previous document",
    "标为已完成并打开下一篇未完成的文章": "Mark done and open the next unfinished document",
    "状态：待标注 / 标注中 / 已完成 / 已审核": "Status: to do / in progress / done / reviewed",
    "搜索全文": "Search the full text",
    "撤销": "Undo",
    "重做": "Redo",
    "选区对齐到词语边界（开/关）": "Snap selections to word boundaries (on/off)",
    "选区扩展到引号、书名号（开/关）": "Widen selections to enclosing quotes and 《》 (on/off)",
    "新建项目 / 打开项目": "New project / open project",
    "导入文件": "Import files",
    "导出": "Export",
    "显示本快捷键表": "Show this sheet",
    # file actions
    "新建项目": "New project",
    "打开项目": "Open project",
    "（没有）": "(none)",
    "无法打开项目": "Cannot open the project",
    "导入 {0} 篇，{1} 篇已在项目中，{2} 个文件失败": "Imported {0} document(s); {1} already in the project; {2} file(s) failed",
    "部分文件未能导入": "Some files were not imported",
    "导入文章": "Import articles",
    "项目以只读方式打开，不能导入。": "The project is open read-only; nothing can be imported.",
    "导入失败": "Import failed",
    "界面语言": "Interface language",
    "界面语言将在下次启动时更改。": "The interface language changes at the next start.",
    # annotator, article
    "先选中要标注的文字。": "Select the text to tag first.",
    "这段文字已经标注为“{0}”。": "This text is already tagged as “{0}”.",
    "没有选中的标注。": "No span is selected.",
    "删除标注": "Delete span",
    "引用这段文字的事实行已被人工修改过。仍然删除这条标注吗？":
        "A fact row citing this text was edited by hand. Delete the span anyway?",
    "状态：{0}": "Status: {0}",
    "  · 建议": "  · suggestion",
    # document list
    "搜索全文（Ctrl+F）": "Search full text (Ctrl+F)",
    "全部": "All",
    "标题": "Title",
    "状态": "Status",
    "标注": "Spans",
    # import dialog
    "选择文件…": "Choose files…",
    "选择文件夹…": "Choose folder…",
    "重排断行（OCR 或报纸分栏造成的换行）": "Reflow broken lines (from OCR or newspaper columns)",
    "支持 .txt（各种编码）、.docx、.jsonl；文件夹会包括子文件夹。":
        "Reads .txt (any encoding), .docx and .jsonl; folders include their subfolders.",
    "导入": "Import",
    "选择文件": "Choose files",
    "选择文件夹": "Choose folder",
    # label bar
    "标注：": "Tag:",
    "用“{0}”标注所选文字": "Tag the selected text as “{0}”",
    # main window
    "举措": "Initiatives",
    "数据": "Figures",
    "建议": "Suggestions",
    "文件(&F)": "&File",
    "新建项目…": "New project…",
    "打开项目…": "Open project…",
    "最近的项目": "Recent projects",
    "导入文件或文件夹…": "Import files or folder…",
    "导出…": "Export…",
    "导出功能尚未安装": "Export is not installed yet",
    "退出": "Quit",
    "编辑(&E)": "&Edit",
    "搜索…": "Search…",
    "文章(&D)": "&Document",
    "完成并打开下一篇": "Done, next",
    "设置(&S)": "&Settings",
    "对齐到词语": "Snap to words",
    "扩展到引号、书名号": "Snap to quotes",
    "帮助(&H)": "&Help",
    "快捷键": "Keyboard shortcuts",
    "工具栏": "Toolbar",
    "只读": "Read-only",
    "所有文章都已完成。": "Every document is done.",
    "本篇：<span style='color:{0}'>{1}</span> · {2} 个标注 · {3} 条建议":
        "This document: <span style='color:{0}'>{1}</span> · {2} spans · {3} suggestions",
    "进度：{0} / {1} 篇已完成": "Progress: {0} of {1} documents done",
    "此项目正由另一个 curator 打开（{0}），现以只读方式显示；修改不会保存。":
        "Another curator has this project open ({0}); it is shown read-only and changes are not saved.",
    "此项目以只读方式打开；修改不会保存。": "This project is open read-only; changes are not saved.",
    "内存项目": "in-memory project",
    "（只读）": " (read-only)",
    "（面板尚未安装）": "(panel not installed yet)",
    "项目以只读方式打开，修改未保存。": "The project is open read-only; the change was not saved.",
    "按键": "Keys",
    "作用": "Action",
    # statuses
    "待标注": "To do",
    "标注中": "In progress",
    "已完成": "Done",
    "已审核": "Reviewed",
    # fact panels (owned by the panels' author; filled here so the English UI is whole)
    "筛选…": "Filter…",
    "这一行没有本文中的依据标注。": "This row has no evidence span in this document.",
    "{0} 行": "{0} rows",
    "{0} / {1} 行": "{0} of {1} rows",
    "数字，如 30000 或 1.6": "A number, e.g. 30000 or 1.6",
    "（无）": "(none)",
    # annotator name, pending suggestions, import in a worker (the use-case layer)
    "标注人": "Annotator",
    "标注人…": "Annotator…",
    "标注人：{0}": "Annotator: {0}",
    "您的名字（记在您做的每一条标注和修改上，导出时列在“标注人”一栏）：":
        "Your name (recorded on every span and edit you make, and in the exported 标注人 column):",
    "确定": "OK",
    "以后再说": "Later",
    "这是 {0} 的工作包：其中的修改都记在 {0} 名下。": "This is {0}'s work package: every edit in it is recorded as {0}'s.",
    "还有建议未处理": "Suggestions pending",
    "本篇还有 {0} 条建议未处理。标为已完成之前，要怎样处理它们？":
        "{0} suggestions in this document are still pending. What should happen to them before it is marked done?",
    "保留的建议不会出现在导出的表格里，以后仍可处理。": "Kept suggestions are not exported; they can be reviewed later.",
    "全部接受": "Accept all",
    "全部拒绝": "Reject all",
    "保留": "Keep",
    "正在导入…": "Importing…",
    "正在取消（当前文件导入完后停止）…": "Cancelling (stops after the current file)…",
    "已读取 {0} / {1} 个文件": "{0} of {1} files read",
    "（已取消，其余文件未导入）": " (cancelled; the remaining files were not imported)",
    "这篇文章看起来有断行": "This text looks line-broken",
    "原文（前几行）": "As it is (first lines)",
    "重排后": "Reflowed",
    "{0} 的许多行在句子中间断开。建议重排断行（可以取消勾选）。":
        "Many lines of {0} break mid-sentence. Reflowing is suggested (untick to keep the lines).",
    "选择文件…": "Choose files…",
    "选择文件夹…": "Choose a folder…",
    "重排断行（OCR 或报纸分栏造成的换行）": "Reflow broken lines (from OCR or newspaper columns)",
    "支持 .txt（各种编码）、.docx、.jsonl；文件夹会包括子文件夹。":
        "Reads .txt (any encoding), .docx and .jsonl; a folder includes its subfolders.",
    "导入": "Import",
    "选择文件": "Choose files",
    "选择文件夹": "Choose a folder",
    # fact tables, the 建议 list and its readings
    "数字，如 30000、1.6、30万": "A number, e.g. 30000, 1.6, 30万",
    "可填 30000、12,500、1.6、30万、1.2亿。只保存数值：与数字一起写的单位或“超”“约”（如 30万人）不会保存，请在“单位”“限定”列填写。":
        "Type 30000, 12,500, 1.6, 30万 or 1.2亿. Only the value is kept: a unit or 超/约 typed with it (30万人)"
        " is not saved; put those in the Unit and Qualifier columns.",
    "指标": "Indicator",
    "数值": "Value",
    "单位": "Unit",
    "限定": "Qualifier",
    "时间": "Date",
    "关联举措": "Initiative",
    "名称": "Name",
    "类别": "Category",
    "机构": "Organisation",
    "备注": "Note",
    "数值：可填 30000、12,500、30万、1.2亿；只保存数值，单位在“单位”列":
        "Value: 30000, 12,500, 30万, 1.2亿; only the value is kept, the unit has its own column",
    "此行已手动修改": "Edited by hand",
    "“{0}”不是数字：数值可填 30000、1.6、30万、1.2亿，未保存。":
        "“{0}” is not a number: a value can be 30000, 1.6, 30万 or 1.2亿. Not saved.",
    "修改 {0}": "Edit {0}",
    "与已标注的同名文字": "same text as a tagged span",
    "第{0}段": "para. {0}",
    "引号内名称 · 后接“{0}”": "quoted name · followed by “{0}”",
    "引号内名称 · 以“{0}”结尾": "quoted name · ends in “{0}”",
    "引号内名称": "quoted name",
    "以“{0}”结尾的名称": "name ending in “{0}”",
    "举措名称": "initiative name",
    "书名号内的文件 · {0}": "title in 《》 · {0}",
    "书名号内的文件": "title in 《》",
    "文件名": "document title",
    "机构 · 以“{0}”结尾": "organisation · ends in “{0}”",
    "机构名称": "organisation name",
    "人名": "person's name",
    "时段": "period",
    "日期": "day",
    "年份": "year",
    "月份": "month",
    "地名": "place name",
    "省级": "province",
    "地市级": "prefecture",
    "市级": "city",
    "区县级": "county / district",
    "乡镇（街道）级": "town / subdistrict",
    "村（社区）级": "village / community",
    "手动": "by hand",
    "传播": "spread",
    "文本": "Text",
    "位置": "Where",
    "来源": "Origin",
    "解读": "Reading",
    "分数": "Score",
    "{0}，第 {1}–{2} 字": "{0}, characters {1}–{2}",
    "建议的把握（0–1）；规则的建议没有分数，按 1 计": "How sure the suggester is (0–1); a rule's suggestion has no score and counts as 1",
    "隐藏分数低于此值的建议（规则的建议没有分数，总是显示）": "Hide suggestions scored below this (a rule's suggestions have no score and always show)",
    "最低分数": "Min. score",
    "隐藏 {0} 条": "{0} hidden",
}


def fill(path: Path) -> list[str]:
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
        elif translation.attrib.get("type") != "vanished":
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("curator_en.ts")
    for text in fill(target):
        print(f"no English yet: {text}")
