"""Synthetic gazette issues for tests, samples and benchmarks (development tool).

Real official texts from the shared corpus are typeset into made-up 政府公报 issues
(cover, 目录, running headers, page numbers, 规章 with order blocks, 规范性文件 with
文号, 政策解读, 人事任免, 批复) in several visibly different layouts, with a truth JSON
beside each PDF. Every issue is labelled synthetic on its cover.
"""
