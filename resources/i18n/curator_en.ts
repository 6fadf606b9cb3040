<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../curator/ui/file_actions.py" line="60" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="60" />
        <location filename="../../curator/ui/file_actions.py" line="75" />
        <source>项目以只读方式打开，不能导入。</source>
        <translation>The project is open read-only; nothing can be imported.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="75" />
        <source>粘贴为新文章</source>
        <translation>Paste as new document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="81" />
        <source>剪贴板</source>
        <translation>Clipboard</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="83" />
        <location filename="../../curator/ui/file_actions.py" line="97" />
        <location filename="../../curator/ui/file_actions.py" line="100" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="131" />
        <source>导入修改</source>
        <translation>Import corrections</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="137" />
        <source>无法读取工作簿</source>
        <translation>Cannot read the workbook</translation>
    </message>
    <message>
        <location filename="../../curator/ui/restore.py" line="15" />
        <location filename="../../curator/ui/restore.py" line="18" />
        <source>项目文件已损坏</source>
        <translation>The project file is damaged</translation>
    </message>
    <message>
        <location filename="../../curator/ui/restore.py" line="19" />
        <source>{0} 已损坏（{1}）。

要用最新的备份（{2}）恢复它吗？损坏的文件会保留在旁边。</source>
        <translation>{0} is damaged ({1}).

Restore it from the newest backup ({2})? The damaged file is kept beside it.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/restore.py" line="27" />
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../curator/ui/identity.py" line="17" />
        <source>标注人</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../curator/ui/identity.py" line="18" />
        <source>您的名字（记在您做的每一条标注和修改上，导出时列在“标注人”一栏）：</source>
        <translation>Your name (recorded on every span and edit you make, and in the exported 标注人 column):</translation>
    </message>
    <message>
        <location filename="../../curator/ui/identity.py" line="21" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../curator/ui/identity.py" line="22" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="68" />
        <source>标注</source>
        <translation>Spans</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="68" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="15" />
        <source>还有建议未处理</source>
        <translation>Suggestions pending</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="16" />
        <source>本篇还有 {0} 条建议未处理。标为已完成之前，要怎样处理它们？</source>
        <translation>{0} suggestions in this document are still pending. What should happen to them before it is marked done?</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="17" />
        <source>保留的建议不会出现在导出的表格里，以后仍可处理。</source>
        <translation>Kept suggestions are not exported; they can be reviewed later.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="18" />
        <source>全部接受</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="19" />
        <source>全部拒绝</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="20" />
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../curator/ui/review.py" line="21" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="36" />
        <source>裁决分歧</source>
        <translation>Adjudicate disputes</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="59" />
        <source>键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="59" />
        <source>标注者</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="59" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="65" />
        <source>1–9 采用该行的版本 · 0 或 Delete 全部拒绝 · Tab 下一处 · Shift+Tab 上一处 · Ctrl+Z 撤销</source>
        <translation>1–9 take that row's version · 0 or Delete reject them all · Tab next · Shift+Tab previous · Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="67" />
        <source>标为已审核</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="70" />
        <source>下一篇有分歧的文章</source>
        <translation>Next document with disputes</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="100" />
        <source>（没有文章）</source>
        <translation>(no document)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="102" />
        <source>&lt;b&gt;{0}&lt;/b&gt; — 没有未决的分歧</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — no open dispute</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="103" />
        <source>本篇的分歧已全部裁决，可以标为已审核。</source>
        <translation>Every dispute of this document is decided; it can be marked reviewed.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="106" />
        <source>数值不同</source>
        <translation>Different values</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="106" />
        <source>标注不同</source>
        <translation>Different spans</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="107" />
        <source>&lt;b&gt;{0}&lt;/b&gt; — 第 {1} / {2} 处分歧（{3}）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — dispute {1} of {2} ({3})</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="149" />
        <source>（没有数据行）</source>
        <translation>(no figure row)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="151" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="151" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="151" />
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../../curator/ui/adjudicate.py" line="155" />
        <source>（未标注）</source>
        <translation>(not tagged)</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../curator/ui/annotate.py" line="88" />
        <source>先选中要标注的文字。</source>
        <translation>Select the text to tag first.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="93" />
        <source>这段文字已经标注为“{0}”。</source>
        <translation>This text is already tagged as “{0}”.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="112" />
        <source>“{0}”另有 {1} 处（{2} 篇文章），已列入建议。</source>
        <translation>“{0}” occurs {1} more times (in {2} documents); added as suggestions.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="128" />
        <location filename="../../curator/ui/annotate.py" line="136" />
        <source>光标处没有建议。</source>
        <translation>No suggestion at the cursor.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="139" />
        <source>接受全部 {0}（{1} 处）</source>
        <translation>Accept all {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="164" />
        <source>没有选中的标注。</source>
        <translation>No span is selected.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="183" />
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../curator/ui/article_view.py" line="377" />
        <source>  · 建议</source>
        <translation>  · suggestion</translation>
    </message>
</context>
<context>
    <name>CorrectionsDialog</name>
    <message>
        <location filename="../../curator/ui/corrections_dialog.py" line="20" />
        <source>导入修改：{0}</source>
        <translation>Import corrections: {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/corrections_dialog.py" line="21" />
        <source>读取 {0} 行；{1} 处修改；{2} 行无法匹配（不会猜测，保持不变）。</source>
        <translation>{0} rows read; {1} changes; {2} rows could not be matched (not guessed, left as they are).</translation>
    </message>
    <message>
        <location filename="../../curator/ui/corrections_dialog.py" line="24" />
        <source>没有需要修改的内容。</source>
        <translation>Nothing to change.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/corrections_dialog.py" line="27" />
        <source>应用修改</source>
        <translation>Apply changes</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../curator/ui/document_list.py" line="98" />
        <source>搜索全文（Ctrl+F）</source>
        <translation>Search full text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="101" />
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../curator/ui/document_list.py" line="48" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="48" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="48" />
        <source>标注</source>
        <translation>Spans</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="68" />
        <source>{0} 个标注，{1} 处分歧待裁决（团队 → 裁决分歧）</source>
        <translation>{0} spans, {1} disputes to decide (Team → Adjudicate disputes)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="59" />
        <location filename="../../curator/ui/export_dialog.py" line="96" />
        <location filename="../../curator/ui/export_dialog.py" line="155" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="72" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="77" />
        <location filename="../../curator/ui/export_dialog.py" line="107" />
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="80" />
        <source>文章状态</source>
        <translation>Document status</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="83" />
        <source>全部地点</source>
        <translation>All places</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="86" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="88" />
        <source>标签</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="93" />
        <source>Excel 工作簿含 汇总、举措、数据、标注、文章 五张表；每个数字都附有原文句子。</source>
        <translation>The Excel workbook has five sheets: summary, initiatives, figures, spans, documents; every number comes with its sentence.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="155" />
        <source>请选择导出文件。</source>
        <translation>Choose a file to export to.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="207" />
        <source>文件已存在</source>
        <translation>The file exists</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="207" />
        <source>{0} 已存在。要替换它吗？</source>
        <translation>{0} already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="213" />
        <location filename="../../curator/ui/export_dialog.py" line="216" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/export_dialog.py" line="216" />
        <source>导出时出现意外错误：{0}: {1}</source>
        <translation>The export failed unexpectedly: {0}: {1}</translation>
    </message>
</context>
<context>
    <name>FactCellDelegate</name>
    <message>
        <location filename="../../curator/ui/panels/delegates.py" line="41" />
        <source>数字，如 30000、1.6、30万</source>
        <translation>A number, e.g. 30000, 1.6, 30万</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/delegates.py" line="42" />
        <source>可填 30000、12,500、1.6、30万、1.2亿。只保存数值：与数字一起写的单位或“超”“约”（如 30万人）不会保存，请在“单位”“限定”列填写。</source>
        <translation>Type 30000, 12,500, 1.6, 30万 or 1.2亿. Only the value is kept: a unit or 超/约 typed with it (30万人) is not saved; put those in the Unit and Qualifier columns.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/delegates.py" line="54" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>FactTableModel</name>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="33" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="34" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="35" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="36" />
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="37" />
        <location filename="../../curator/ui/panels/fact_model.py" line="44" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="38" />
        <source>时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="39" />
        <source>关联举措</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="42" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="43" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="45" />
        <source>机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="46" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="148" />
        <source>数值：可填 30000、12,500、30万、1.2亿；只保存数值，单位在“单位”列</source>
        <translation>Value: 30000, 12,500, 30万, 1.2亿; only the value is kept, the unit has its own column</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="153" />
        <source>此行已手动修改</source>
        <translation>Edited by hand</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="202" />
        <source>“{0}”不是数字：数值可填 30000、1.6、30万、1.2亿，未保存。</source>
        <translation>“{0}” is not a number: a value can be 30000, 1.6, 30万 or 1.2亿. Not saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/fact_model.py" line="208" />
        <source>修改 {0}</source>
        <translation>Edit {0}</translation>
    </message>
</context>
<context>
    <name>FactTablePanel</name>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="34" />
        <source>筛选…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="111" />
        <source>这一行没有本文中的依据标注。</source>
        <translation>This row has no evidence span in this document.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="130" />
        <source>{0} 行</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="130" />
        <source>{0} / {1} 行</source>
        <translation>{0} of {1} rows</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="20" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="27" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="41" />
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="53" />
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="108" />
        <source>导入 {0} 篇，{1} 篇已在项目中，{2} 个文件失败</source>
        <translation>Imported {0} document(s); {1} already in the project; {2} file(s) failed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="111" />
        <source>（已取消，其余文件未导入）</source>
        <translation> (cancelled; the remaining files were not imported)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="120" />
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="152" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="152" />
        <source>界面语言将在下次启动时更改。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="21" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="25" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="26" />
        <source>选择文件夹…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="29" />
        <source>重排断行（OCR 或报纸分栏造成的换行）</source>
        <translation>Reflow broken lines (from OCR or newspaper columns)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="30" />
        <source>支持 .txt（各种编码）、.docx、.doc/.wps/.rtf（需 LibreOffice）、网页 .html/.mhtml、.pdf、.jsonl、Label Studio 与 doccano 导出；文件夹会包括子文件夹。</source>
        <translation>Reads .txt (any encoding), .docx, .doc/.wps/.rtf (with LibreOffice), web pages (.html/.mhtml), .pdf, .jsonl, Label Studio and doccano exports; folders include their subfolders.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="35" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="36" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="54" />
        <source>这篇文章看起来有断行</source>
        <translation>This text looks line-broken</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="64" />
        <source>原文（前几行）</source>
        <translation>As it is (first lines)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="65" />
        <source>重排后</source>
        <translation>Reflowed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="84" />
        <source>{0} 的许多行在句子中间断开。建议重排断行（可以取消勾选）。</source>
        <translation>Many lines of {0} break mid-sentence. Reflowing is suggested (untick to keep the lines).</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="91" />
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_dialog.py" line="96" />
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <location filename="../../curator/ui/import_run.py" line="60" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_run.py" line="60" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_run.py" line="62" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_run.py" line="80" />
        <source>正在取消（当前文件导入完后停止）…</source>
        <translation>Cancelling (stops after the current file)…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/import_run.py" line="85" />
        <source>已读取 {0} / {1} 个文件</source>
        <translation>{0} of {1} files read</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <location filename="../../curator/ui/label_bar.py" line="30" />
        <source>标注：</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <location filename="../../curator/ui/label_bar.py" line="43" />
        <source>用“{0}”标注所选文字</source>
        <translation>Tag the selected text as “{0}”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="61" />
        <source>举措</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="61" />
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="62" />
        <source>标注</source>
        <translation>Spans</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="62" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="28" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="29" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="30" />
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="31" />
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="34" />
        <source>导入文件或文件夹…</source>
        <translation>Import files or folder…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="35" />
        <source>粘贴为新文章…</source>
        <translation>Paste as new document…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="36" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="39" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="41" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="42" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="43" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="37" />
        <source>导入修改（Excel）…</source>
        <translation>Import corrections (Excel)…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="49" />
        <source>删除标注 / 拒绝建议</source>
        <translation>Delete span / reject suggestion</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="50" />
        <source>接受建议</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="51" />
        <source>接受本篇同类建议</source>
        <translation>Accept all suggestions of this label here</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="53" />
        <source>取消选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="54" />
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="65" />
        <source>文章(&amp;D)</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="66" />
        <source>下一篇</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="67" />
        <source>上一篇</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="68" />
        <source>完成并打开下一篇</source>
        <translation>Done, next</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="77" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="78" />
        <source>对齐到词语</source>
        <translation>Snap to words</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="79" />
        <source>扩展到引号、书名号</source>
        <translation>Snap to quotes</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="80" />
        <source>推广到所有相同文字</source>
        <translation>Spread tags to every occurrence</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="81" />
        <source>标注举措、地点、机构、人物后，把项目中每处相同文字列为建议</source>
        <translation>After tagging an initiative, place, organisation or person, suggest every other occurrence in the project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="87" />
        <source>标注人…</source>
        <translation>Annotator…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="88" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="94" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="95" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../curator/ui/window_menus.py" line="97" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="110" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="168" />
        <source>部分文件未能导入</source>
        <translation>Some files were not imported</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="190" />
        <source>这是 {0} 的工作包：其中的修改都记在 {0} 名下。</source>
        <translation>This is {0}'s work package: every edit in it is recorded as {0}'s.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="198" />
        <source>标注人：{0}</source>
        <translation>Annotator: {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="226" />
        <source>所有文章都已完成。</source>
        <translation>Every document is done.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="315" />
        <source>本篇：&lt;span style='color:{0}'&gt;{1}&lt;/span&gt; · {2} 个标注 · {3} 条建议</source>
        <translation>This document: &lt;span style='color:{0}'&gt;{1}&lt;/span&gt; · {2} spans · {3} suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="322" />
        <source>进度：{0} / {1} 篇已完成</source>
        <translation>Progress: {0} of {1} documents done</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="327" />
        <source>此项目正由另一个 curator 打开（{0}），现以只读方式显示；修改不会保存。</source>
        <translation>Another curator has this project open ({0}); it is shown read-only and changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="329" />
        <source>此项目正由另一台电脑上的 curator 打开（{0}），现以只读方式显示；修改不会保存。若那里已不再打开它，可运行 curator unlock "{1}" 后重新打开。</source>
        <translation>This project is open in curator on another computer ({0}); it is shown read-only and changes are not saved. If it is no longer open there, run curator unlock "{1}" and open it again.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="331" />
        <source>此项目以只读方式打开；修改不会保存。</source>
        <translation>This project is open read-only; changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="340" />
        <source>备份未能完成：{0}。请腾出磁盘空间或检查备份文件夹 {1}。</source>
        <translation>Backups are not being made: {0}. Free some disk space or check the backup folder {1}.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="345" />
        <source>内存项目</source>
        <translation>in-memory project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="349" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <location filename="../../curator/ui/paste.py" line="100" />
        <source>粘贴为新文章</source>
        <translation>Paste as new document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="102" />
        <source>剪贴板里没有文字。</source>
        <translation>The clipboard holds no text.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="105" />
        <source>剪贴板里的文字超过 20 MB，请分开粘贴。</source>
        <translation>The clipboard's text is over 20 MB; paste it in parts.</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../curator/ui/paste.py" line="62" />
        <source>粘贴为新文章</source>
        <translation>Paste as new document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="65" />
        <source>网址或报刊名称</source>
        <translation>Web address or newspaper</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="67" />
        <source>例如 2023-07-12</source>
        <translation>e.g. 2023-07-12</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="71" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="72" />
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="73" />
        <source>日期</source>
        <translation>day</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="74" />
        <source>{0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <location filename="../../curator/ui/paste.py" line="76" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>Readings</name>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="41" />
        <source>与已标注的同名文字</source>
        <translation>same text as a tagged span</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="82" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="82" />
        <source>第{0}段</source>
        <translation>para. {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="105" />
        <source>引号内名称 · 后接“{0}”</source>
        <translation>quoted name · followed by “{0}”</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="107" />
        <source>引号内名称 · 以“{0}”结尾</source>
        <translation>quoted name · ends in “{0}”</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="109" />
        <source>引号内名称</source>
        <translation>quoted name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="111" />
        <source>以“{0}”结尾的名称</source>
        <translation>name ending in “{0}”</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="112" />
        <source>举措名称</source>
        <translation>initiative name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="119" />
        <source>书名号内的文件 · {0}</source>
        <translation>title in 《》 · {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="120" />
        <source>书名号内的文件</source>
        <translation>title in 《》</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="120" />
        <source>文件名</source>
        <translation>document title</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="125" />
        <source>机构 · 以“{0}”结尾</source>
        <translation>organisation · ends in “{0}”</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="125" />
        <source>机构名称</source>
        <translation>organisation name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="129" />
        <source>人名</source>
        <translation>person's name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="135" />
        <source>时段</source>
        <translation>period</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="137" />
        <source>日期</source>
        <translation>day</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="139" />
        <source>年份</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="141" />
        <source>月份</source>
        <translation>month</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="142" />
        <source>时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="154" />
        <source>地名</source>
        <translation>place name</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="157" />
        <source>省级</source>
        <translation>province</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="158" />
        <source>地市级</source>
        <translation>prefecture</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="159" />
        <source>市级</source>
        <translation>city</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="160" />
        <source>区县级</source>
        <translation>county / district</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="161" />
        <source>乡镇（街道）级</source>
        <translation>town / subdistrict</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/readings.py" line="162" />
        <source>村（社区）级</source>
        <translation>village / community</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../curator/ui/session.py" line="69" />
        <source>项目以只读方式打开，修改未保存。</source>
        <translation>The project is open read-only; the change was not saved.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="70" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="73" />
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="73" />
        <source>作用</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="43" />
        <source>用对应标签标注所选文字（见标签栏）</source>
        <translation>Tag the selected text with that label (see the label bar)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="44" />
        <source>用键盘选择文字</source>
        <translation>Select text with the keyboard</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="45" />
        <source>删除选中的标注；在建议上：拒绝它（不再出现）</source>
        <translation>Delete the selected span; on a suggestion: reject it (it will not come back)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="46" />
        <source>接受光标处的建议</source>
        <translation>Accept the suggestion at the cursor</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="47" />
        <source>接受本篇中与光标处建议同类的全部建议</source>
        <translation>Accept every suggestion in this document with the label of the one at the cursor</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="48" />
        <source>取消选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="49" />
        <source>下一篇</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="50" />
        <source>上一篇</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="51" />
        <source>标为已完成并打开下一篇未完成的文章</source>
        <translation>Mark done and open the next unfinished document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="52" />
        <source>状态：待标注 / 标注中 / 已完成 / 已审核</source>
        <translation>Status: to do / in progress / done / reviewed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="53" />
        <source>搜索全文</source>
        <translation>Search the full text</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="54" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="55" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="56" />
        <source>选区对齐到词语边界（开/关）</source>
        <translation>Snap selections to word boundaries (on/off)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="57" />
        <source>选区扩展到引号、书名号（开/关）</source>
        <translation>Widen selections to enclosing quotes and 《》 (on/off)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="58" />
        <source>新建项目 / 打开项目</source>
        <translation>New project / open project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="59" />
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="60" />
        <source>把剪贴板里的文字（网页或纯文本）粘贴为新文章</source>
        <translation>Paste the clipboard (a web page or plain text) as a new document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="61" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="62" />
        <source>显示本快捷键表</source>
        <translation>Show this sheet</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="63" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="20" />
        <source>手动</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="21" />
        <location filename="../../curator/ui/panels/span_model.py" line="44" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="22" />
        <source>传播</source>
        <translation>spread</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="36" />
        <location filename="../../curator/ui/panels/span_model.py" line="43" />
        <source>标签</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="37" />
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="38" />
        <location filename="../../curator/ui/panels/span_model.py" line="46" />
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="39" />
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="40" />
        <source>标注人</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="45" />
        <source>解读</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="47" />
        <source>分数</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="207" />
        <source>{0}，第 {1}–{2} 字</source>
        <translation>{0}, characters {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/span_model.py" line="210" />
        <source>建议的把握（0–1）；规则的建议没有分数，按 1 计</source>
        <translation>How sure the suggester is (0–1); a rule's suggestion has no score and counts as 1</translation>
    </message>
</context>
<context>
    <name>SpansPanel</name>
    <message>
        <location filename="../../curator/ui/panels/spans.py" line="43" />
        <source>筛选标注…</source>
        <translation>Filter spans…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/spans.py" line="55" />
        <source>删除标注</source>
        <translation>Delete span</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/spans.py" line="56" />
        <source>删除所选标注（Delete），引用它的事实行随之更新</source>
        <translation>Delete the selected spans (Delete); fact rows citing them are updated</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/spans.py" line="119" />
        <source>{0} 个</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/spans.py" line="119" />
        <source>{0} / {1} 个</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../curator/ui/texts.py" line="12" />
        <source>待标注</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../curator/ui/texts.py" line="13" />
        <source>标注中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../curator/ui/texts.py" line="14" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../curator/ui/texts.py" line="15" />
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="79" />
        <source>隐藏分数低于此值的建议（规则和学习的建议都带分数）</source>
        <translation>Hide suggestions scored below this (the rules' and the learned ones both carry scores)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="82" />
        <source>最低分数</source>
        <translation>Min. score</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="86" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="87" />
        <source>用规则为本文找出可能的标注</source>
        <translation>Find likely spans in this document with the rules</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="89" />
        <source>学习</source>
        <translation>Learn</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="90" />
        <source>从已接受的标注学习，为本文提出更多建议（带分数）；之后随标注自动重新学习</source>
        <translation>Learn from the accepted spans and suggest more for this document (with scores); it relearns as you annotate</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="94" />
        <source>学习失败：{0}</source>
        <translation>Learning failed: {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="95" />
        <source>全部文档</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="96" />
        <source>为项目中的每一篇文章生成建议</source>
        <translation>Suggest spans for every document in the project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="100" />
        <source>%v / %m 篇</source>
        <translation>%v / %m documents</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="101" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="118" />
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="118" />
        <source>接受当前建议（Enter）</source>
        <translation>Accept the current suggestion (Enter)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="119" />
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="119" />
        <source>拒绝当前建议，以后不再提出（Backspace）</source>
        <translation>Reject the current suggestion; it will not be proposed again (Backspace)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="120" />
        <source>全部接受</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="120" />
        <source>接受本文中与当前建议同一标签的全部建议（Shift+Enter）</source>
        <translation>Accept every suggestion in this document with the current one's label (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="209" />
        <source>接受全部 {0}（{1} 处）</source>
        <translation>Accept all {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="253" />
        <source>正在学习…</source>
        <translation>Learning…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="255" />
        <source>还没有已接受的标注可供学习：先标注或接受一些建议。</source>
        <translation>Nothing accepted to learn from yet: tag or accept some suggestions first.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="261" />
        <source>已接受的标注还不够学习。</source>
        <translation>Not enough accepted spans to learn from yet.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="263" />
        <source>学习建议：新增 {0} 条（依据 {1} 篇文章中的 {2} 个标注）</source>
        <translation>Learned suggestions: {0} new (from {2} spans in {1} documents)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="274" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="293" />
        <source>正在生成建议…</source>
        <translation>Suggesting…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="304" />
        <source>已取消，未保存任何建议。</source>
        <translation>Cancelled; no suggestion was saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="315" />
        <source>建议 {0} 处</source>
        <translation>{0} suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="318" />
        <source>新增 {0} 条建议。</source>
        <translation>{0} new suggestions.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="318" />
        <source>没有新的建议。</source>
        <translation>No new suggestions.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="323" />
        <source>生成建议失败：{0}</source>
        <translation>Suggesting failed: {0}</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="355" />
        <source>隐藏 {0} 条</source>
        <translation>{0} hidden</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/suggestions.py" line="365" />
        <source>全部标签（{0}）</source>
        <translation>All labels ({0})</translation>
    </message>
</context>
</TS>