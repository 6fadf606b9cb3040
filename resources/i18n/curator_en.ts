<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../curator/ui/annotate.py" line="79" />
        <source>先选中要标注的文字。</source>
        <translation>Select the text to tag first.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="86" />
        <source>这段文字已经标注为“{0}”。</source>
        <translation>This text is already tagged as “{0}”.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="108" />
        <source>没有选中的标注。</source>
        <translation>No span is selected.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="114" />
        <source>删除标注</source>
        <translation>Delete span</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="115" />
        <source>引用这段文字的事实行已被人工修改过。仍然删除这条标注吗？</source>
        <translation>A fact row citing this text was edited by hand. Delete the span anyway?</translation>
    </message>
    <message>
        <location filename="../../curator/ui/annotate.py" line="139" />
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../curator/ui/article_view.py" line="338" />
        <source>  · 建议</source>
        <translation>  · suggestion</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../curator/ui/document_list.py" line="90" />
        <source>搜索全文（Ctrl+F）</source>
        <translation>Search full text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="93" />
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../curator/ui/document_list.py" line="45" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="45" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../curator/ui/document_list.py" line="45" />
        <source>标注</source>
        <translation>Spans</translation>
    </message>
</context>
<context>
    <name>FactCellDelegate</name>
    <message>
        <location filename="../../curator/ui/panels/delegates.py" line="30" />
        <source>数字，如 30000 或 1.6</source>
        <translation>A number, e.g. 30000 or 1.6</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/delegates.py" line="41" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>FactTablePanel</name>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="29" />
        <source>筛选…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="100" />
        <source>这一行没有本文中的依据标注。</source>
        <translation>This row has no evidence span in this document.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="119" />
        <source>{0} 行</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../curator/ui/panels/facts.py" line="119" />
        <source>{0} / {1} 行</source>
        <translation>{0} of {1} rows</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="23" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="30" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="44" />
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="53" />
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="112" />
        <source>导入 {0} 篇，{1} 篇已在项目中，{2} 个文件失败</source>
        <translation>Imported {0} document(s); {1} already in the project; {2} file(s) failed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="115" />
        <source>部分文件未能导入</source>
        <translation>Some files were not imported</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="123" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="123" />
        <source>项目以只读方式打开，不能导入。</source>
        <translation>The project is open read-only; nothing can be imported.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="131" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="158" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="158" />
        <source>界面语言将在下次启动时更改。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="61" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="64" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="65" />
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="68" />
        <source>重排断行（OCR 或报纸分栏造成的换行）</source>
        <translation>Reflow broken lines (from OCR or newspaper columns)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="69" />
        <source>支持 .txt（各种编码）、.docx、.jsonl；文件夹会包括子文件夹。</source>
        <translation>Reads .txt (any encoding), .docx and .jsonl; folders include their subfolders.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="72" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="96" />
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../curator/ui/file_actions.py" line="101" />
        <source>选择文件夹</source>
        <translation>Choose folder</translation>
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
        <location filename="../../curator/ui/main_window.py" line="71" />
        <source>举措</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="72" />
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="73" />
        <source>标注</source>
        <translation>Spans</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="74" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="89" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="90" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="91" />
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="92" />
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="95" />
        <source>导入文件或文件夹…</source>
        <translation>Import files or folder…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="96" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="99" />
        <source>导出功能尚未安装</source>
        <translation>Export is not installed yet</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="101" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="103" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="104" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="105" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="111" />
        <source>删除标注</source>
        <translation>Delete span</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="112" />
        <source>取消选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="113" />
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="124" />
        <source>文章(&amp;D)</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="125" />
        <source>下一篇</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="126" />
        <source>上一篇</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="127" />
        <source>完成并打开下一篇</source>
        <translation>Done, next</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="136" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="137" />
        <source>对齐到词语</source>
        <translation>Snap to words</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="138" />
        <source>扩展到引号、书名号</source>
        <translation>Snap to quotes</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="144" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="147" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="148" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="150" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="183" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="235" />
        <source>所有文章都已完成。</source>
        <translation>Every document is done.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="305" />
        <source>本篇：&lt;span style='color:{0}'&gt;{1}&lt;/span&gt; · {2} 个标注 · {3} 条建议</source>
        <translation>This document: &lt;span style='color:{0}'&gt;{1}&lt;/span&gt; · {2} spans · {3} suggestions</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="312" />
        <source>进度：{0} / {1} 篇已完成</source>
        <translation>Progress: {0} of {1} documents done</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="317" />
        <source>此项目正由另一个 curator 打开（{0}），现以只读方式显示；修改不会保存。</source>
        <translation>Another curator has this project open ({0}); it is shown read-only and changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="318" />
        <source>此项目以只读方式打开；修改不会保存。</source>
        <translation>This project is open read-only; changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="321" />
        <source>内存项目</source>
        <translation>in-memory project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/main_window.py" line="325" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../curator/ui/panels_factory.py" line="44" />
        <source>（面板尚未安装）</source>
        <translation>(panel not installed yet)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../curator/ui/session.py" line="53" />
        <source>项目以只读方式打开，修改未保存。</source>
        <translation>The project is open read-only; the change was not saved.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="62" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="65" />
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="65" />
        <source>作用</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="39" />
        <source>用对应标签标注所选文字（见标签栏）</source>
        <translation>Tag the selected text with that label (see the label bar)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="40" />
        <source>用键盘选择文字</source>
        <translation>Select text with the keyboard</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="41" />
        <source>删除选中的标注</source>
        <translation>Delete the selected span</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="42" />
        <source>取消选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="43" />
        <source>下一篇</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="44" />
        <source>上一篇</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="45" />
        <source>标为已完成并打开下一篇未完成的文章</source>
        <translation>Mark done and open the next unfinished document</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="46" />
        <source>状态：待标注 / 标注中 / 已完成 / 已审核</source>
        <translation>Status: to do / in progress / done / reviewed</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="47" />
        <source>搜索全文</source>
        <translation>Search the full text</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="48" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="49" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="50" />
        <source>选区对齐到词语边界（开/关）</source>
        <translation>Snap selections to word boundaries (on/off)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="51" />
        <source>选区扩展到引号、书名号（开/关）</source>
        <translation>Widen selections to enclosing quotes and 《》 (on/off)</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="52" />
        <source>新建项目 / 打开项目</source>
        <translation>New project / open project</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="53" />
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="54" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../curator/ui/shortcuts.py" line="55" />
        <source>显示本快捷键表</source>
        <translation>Show this sheet</translation>
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
</TS>