"""Writes edges.csv and nodes.csv of Zachary's karate club from networkx's copy of the data.

Run from the repository root:  /usr/bin/python3 datasets/karate/extract_karate.py
(needs Debian's python3-networkx: apt-get install -y python3-networkx)
"""
import os
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
G = nx.karate_club_graph()
assert G.number_of_nodes() == 34 and G.number_of_edges() == 78

with open(os.path.join(here, "nodes.csv"), "w", newline="\n") as f:
    f.write("node,club\n")
    for n in sorted(G.nodes):
        f.write(f"{n},{G.nodes[n]['club']}\n")

with open(os.path.join(here, "edges.csv"), "w", newline="\n") as f:
    f.write("source,target,weight\n")
    for u, v in sorted((min(u, v), max(u, v)) for u, v in G.edges):
        f.write(f"{u},{v},{G.edges[u, v]['weight']}\n")

print(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> {here}")
