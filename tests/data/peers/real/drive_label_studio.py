"""Drive Label Studio's REST API: project from curator's config, import curator's tasks, annotate, export."""
import json, os, sys, time
from pathlib import Path
import requests

W = Path(os.environ.get("PEERS_WORK", "."))  # holds curator's exports; the tools' files are written here
BASE = "http://127.0.0.1:8080"
S = requests.Session()
S.headers["Authorization"] = "Token " + sys.argv[1]

def ok(r):
    if r.status_code >= 400:
        print(r.status_code, r.text[:2000]); r.raise_for_status()
    return r

config = (W / "ls_config.xml").read_text(encoding="utf-8")
project = ok(S.post(f"{BASE}/api/projects", json={"title": "curator round trip", "label_config": config})).json()
pid = project["id"]
print("project", pid)
# 1. curator's export as a file upload, as a user does in the Import dialog
with open(W / "ls_tasks.json", "rb") as f:
    r = ok(S.post(f"{BASE}/api/projects/{pid}/import", files={"file": ("ls_tasks.json", f, "application/json")}))
print("import", r.json())
tasks = ok(S.get(f"{BASE}/api/tasks", params={"project": pid, "fields": "all"})).json()
tasks = tasks["tasks"] if isinstance(tasks, dict) else tasks
for t in tasks:
    full = ok(S.get(f"{BASE}/api/tasks/{t['id']}")).json()
    text = full["data"]["text"]
    for a in full.get("annotations") or []:
        for reg in a["result"]:
            v = reg["value"]
            print("ann", t["id"], v["start"], v["end"], v["labels"], repr(v["text"]), repr(text[v["start"]:v["end"]]))
    for p in full.get("predictions") or []:
        for reg in p["result"]:
            v = reg["value"]
            print("pred", t["id"], v["start"], v["end"], v["labels"], repr(text[v["start"]:v["end"]]))
json.dump(tasks, open(W / "ls_tasks_after_import.json", "w"), ensure_ascii=False, indent=1)
# 2. a CRLF task typed into Label Studio, annotated through the API as the editor would send it
crlf = "通知\r\n𠮷😀文明城市创建\r\n表彰志愿者120名"
r = ok(S.post(f"{BASE}/api/projects/{pid}/import", json=[{"data": {"text": crlf, "title": "CRLF 任务"}}]))
print("import crlf", r.json())
tasks = ok(S.get(f"{BASE}/api/tasks", params={"project": pid})).json()
tasks = tasks["tasks"] if isinstance(tasks, dict) else tasks
new = [t for t in tasks if t["data"]["text"] == crlf][0]
def region(rid, start, end, label, text):
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}
ok(S.post(f"{BASE}/api/tasks/{new['id']}/annotations", json={"result": [
    region("r1", 6, 12, "举措", crlf), region("r2", 19, 23, "数据", crlf)], "lead_time": 3.5}))
ok(S.post(f"{BASE}/api/predictions", json={"task": new["id"], "model_version": "ner-v1", "score": 0.7,
    "result": [dict(region("p1", 6, 10, "地点", crlf), score=0.7)]}))
for fmt in ("JSON", "JSON_MIN"):
    r = ok(S.get(f"{BASE}/api/projects/{pid}/export", params={"exportType": fmt, "download_all_tasks": "true"}))
    (W / f"ls_export_{fmt.lower()}.json").write_bytes(r.content)
    print(fmt, len(r.content))

r = ok(S.post(f"{BASE}/api/projects/{pid}/exports/", json={"title": "full", "serialization_options": {
    "predictions": {"only_id": False}, "annotations__completed_by": {"only_id": False}, "drafts": {"only_id": True}}}))
eid = r.json()["id"]
for _ in range(120):
    st = ok(S.get(f"{BASE}/api/projects/{pid}/exports/{eid}")).json()
    if st["status"] in ("completed", "failed"):
        break
    time.sleep(1)
print("snapshot", st["status"])
r = ok(S.get(f"{BASE}/api/projects/{pid}/exports/{eid}/download", params={"exportType": "JSON"}))
(W / "ls_export_snapshot_full.json").write_bytes(r.content)
print("snapshot bytes", len(r.content))
