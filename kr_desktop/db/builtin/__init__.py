"""The built-in Program №1176: structured data extracted from the decision, and its loader.

``program_1176.json`` holds the passport, table 1.7, the amendments and the executor
aliases; ``annex1.json`` … ``annex3.json`` hold the annexes. Every judgement call made
while extracting them from the decision's text is written in the ``notes`` of each file.
"""
