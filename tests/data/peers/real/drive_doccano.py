"""Drive doccano 1.8.4's REST API: sequence-labeling project, upload curator's JSONL, annotate, export."""
import io, json, os, sys, time, zipfile
from pathlib import Path
import requests

RELATION = len(sys.argv) > 2
W = Path(os.environ.get("PEERS_WORK", "."))  # holds curator's exports; the tools' files are written here
TAG = "rel_" if RELATION else ""
BASE = "http://127.0.0.1:8000"
S = requests.Session()

def ok(r):
    if r.status_code >= 400:
        print(r.status_code, r.text[:2000]); r.raise_for_status()
    return r

key = ok(S.post(f"{BASE}/v1/auth/login/", json={"username": "admin", "password": sys.argv[1]})).json()["key"]
S.headers["Authorization"] = f"Token {key}"
S.cookies.clear()
project = ok(S.post(f"{BASE}/v1/projects", json={
    "name": "curator round trip " + TAG, "description": "curator", "guideline": "", "project_type": "SequenceLabeling",
    "resourcetype": "SequenceLabelingProject", "random_order": False, "collaborative_annotation": False,
    "allow_overlapping": False, "grapheme_mode": False, "use_relation": RELATION, "tags": []})).json()
pid = project["id"]
print("project", pid, project)

def wait(task_id):
    for _ in range(600):
        st = ok(S.get(f"{BASE}/v1/tasks/status/{task_id}")).json()
        if st.get("ready"):
            return st
        time.sleep(1)
    raise SystemExit("celery task never finished")

def upload(path):
    with open(path, "rb") as f:
        up = ok(S.post(f"{BASE}/v1/fp/process/", files={"filepond": (path.name, f, "application/octet-stream")})).text
    r = ok(S.post(f"{BASE}/v1/projects/{pid}/upload", json={
        "format": "JSONL", "task": "SequenceLabeling", "uploadIds": [up], "column_data": "text",
        "column_label": "label", "encoding": "utf_8"})).json()
    print("upload", path.name, wait(r["task_id"]))

upload(W / "dc.jsonl")
examples = ok(S.get(f"{BASE}/v1/projects/{pid}/examples", params={"limit": 100})).json()["results"]
types = {t["id"]: t["text"] for t in ok(S.get(f"{BASE}/v1/projects/{pid}/span-types")).json()}
print("span types", types)
for ex in examples:
    spans = ok(S.get(f"{BASE}/v1/projects/{pid}/examples/{ex['id']}/spans")).json()
    for s in spans:
        print("span", ex["id"], s["start_offset"], s["end_offset"], types[s["label"]], repr(ex["text"][s["start_offset"]:s["end_offset"]]))
# a CRLF document doccano's own way (no labels), then annotated through the API as its editor does
crlf = "通知\r\n𠮷😀文明城市创建\r\n表彰志愿者120名"
(W / "dc_crlf.jsonl").write_text(json.dumps({"text": crlf, "label": []}, ensure_ascii=False) + "\n", encoding="utf-8")
upload(W / "dc_crlf.jsonl")
examples = ok(S.get(f"{BASE}/v1/projects/{pid}/examples", params={"limit": 100})).json()["results"]
new = [e for e in examples if e["text"] == crlf][0]
by_name = {v: k for k, v in types.items()}
for start, end, label in [(6, 12, "举措"), (19, 23, "数据")]:
    ok(S.post(f"{BASE}/v1/projects/{pid}/examples/{new['id']}/spans",
              json={"start_offset": start, "end_offset": end, "label": by_name[label], "example": new["id"]}))
r = ok(S.post(f"{BASE}/v1/projects/{pid}/download", json={"format": "JSONL", "exportApproved": False})).json()
wait(r["task_id"])
z = ok(S.get(f"{BASE}/v1/projects/{pid}/download", params={"taskId": r["task_id"]})).content
(W / "dc_export.zip").write_bytes(z)
try:
    with zipfile.ZipFile(io.BytesIO(z)) as zf:
        for name in zf.namelist():
            print("zip member", name)
            (W / f"dc_export_{TAG}{name}").write_bytes(zf.read(name))
except zipfile.BadZipFile:
    (W / "dc_export.jsonl").write_bytes(z)
    print("not a zip")
