#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 40 FILE.jfr` (read from stdin): the share of
samples per top frame and per first cn.gongkai frame (which of our stages the CPU went to)."""
import collections
import re
import sys

top, ours, n = collections.Counter(), collections.Counter(), 0
frames, in_stack = [], False


def flush():
    global n
    if frames:
        n += 1
        top[frames[0]] += 1
        ours[next((f for f in frames if f.startswith('cn.gongkai')), '(no cn.gongkai frame: JDK threads, GC)')] += 1


for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        flush()
        frames, in_stack = [], False
    elif 'stackTrace = [' in line:
        in_stack = True
    elif in_stack:
        s = line.strip()
        if s.startswith(']'):
            in_stack = False
        elif s and s != '...':
            frames.append(re.sub(r'\(.*', '', s.split(' line:')[0]))
flush()
print(f'{n} samples')
for title, counter in (('top frame', top), ('first cn.gongkai frame', ours)):
    print(f'by {title}:')
    for frame, count in counter.most_common(12):
        print(f'  {count * 100 / max(n, 1):5.1f}%  {frame}')
