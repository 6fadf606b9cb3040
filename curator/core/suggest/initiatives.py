def suggest_initiatives(text): return []
def suggest_docs(text): return []
