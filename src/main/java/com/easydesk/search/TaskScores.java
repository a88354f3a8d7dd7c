package com.easydesk.search;

import java.util.Arrays;

/**
 * The scores of one search, per task, per word of the query and per kind of document (the task itself, its best
 * message, its best file). A common word matches tens of thousands of tasks, and a map of boxed ids and score
 * arrays took a quarter of a search's time (docs/performance.md). So the scores are primitives, kept at the task's
 * id itself while the ids are small enough ({@value #DENSE_LIMIT} values): the ranking then reads them in about
 * the order the task index holds its tasks, where a hash table sent every lookup to a random place in memory.
 * Past that, an open-addressing table.
 */
final class TaskScores {

    /** The kinds of document a word is found in; per kind a task keeps its best score. */
    static final int TASK = 0;
    static final int MESSAGE = 1;
    static final int FILE = 2;
    private static final int KINDS = 3;
    /** Scores kept at the task's id up to this many values (32 MB); 100,000 tasks of one word need 1.2 MB. */
    static final int DENSE_LIMIT = 8 << 20;
    private static final long EMPTY = Long.MIN_VALUE;

    private final int words;
    private final boolean dense;
    private long[] ids;
    private float[] best;
    private int size;

    /** {@code highestTaskId}: the largest task id when the search begins, to size the table. */
    TaskScores(int words, long highestTaskId) {
        this.words = words;
        long denseSize = (highestTaskId + 1) * words * KINDS;
        this.dense = highestTaskId >= 0 && denseSize <= DENSE_LIMIT;
        if (dense) {
            this.best = new float[(int) denseSize];
        } else {
            this.ids = new long[1024];
            Arrays.fill(ids, EMPTY);
            this.best = new float[ids.length * words * KINDS];
        }
    }

    /** Keeps the better of the task's score so far and this one, for the word and the kind of document. */
    void offer(long taskId, int word, int kind, float score) {
        int slot = slotFor(taskId);
        if (slot < 0) {
            return;
        }
        int at = (slot * words + word) * KINDS + kind;
        if (score > best[at]) {
            best[at] = score;
        }
    }

    /** The task's score: per word the sum over the kinds; zero when some word is found nowhere in the task. */
    float score(long taskId) {
        int slot = find(taskId);
        if (slot < 0) {
            return 0;
        }
        float total = 0;
        for (int word = 0; word < words; word++) {
            int at = (slot * words + word) * KINDS;
            float found = best[at + TASK] + best[at + MESSAGE] + best[at + FILE];
            if (found <= 0) {
                return 0;
            }
            total += found;
        }
        return total;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private int find(long taskId) {
        if (dense) {
            return taskId >= 0 && taskId < best.length / (words * KINDS) ? (int) taskId : -1;
        }
        int mask = ids.length - 1;
        for (int slot = hash(taskId) & mask; ; slot = (slot + 1) & mask) {
            if (ids[slot] == taskId) {
                return slot;
            }
            if (ids[slot] == EMPTY) {
                return -1;
            }
        }
    }

    /** The task's place in the table, made if need be; -1 for a task to leave out. */
    private int slotFor(long taskId) {
        if (dense) {
            int stride = words * KINDS;
            long limit = DENSE_LIMIT / stride;
            if (taskId < 0 || taskId >= limit) {
                // Beyond the largest id when the search began: a task created since, not in this search's index.
                return -1;
            }
            if (taskId >= best.length / stride) {
                best = Arrays.copyOf(best, (int) (Math.min(limit, Math.max(taskId + 1, best.length / stride * 2L))
                        * stride));
            }
            size = Math.max(size, 1);
            return (int) taskId;
        }
        int mask = ids.length - 1;
        for (int slot = hash(taskId) & mask; ; slot = (slot + 1) & mask) {
            if (ids[slot] == taskId) {
                return slot;
            }
            if (ids[slot] == EMPTY) {
                if ((size + 1) * 2 > ids.length) {
                    grow();
                    return slotFor(taskId);
                }
                ids[slot] = taskId;
                size++;
                return slot;
            }
        }
    }

    private void grow() {
        long[] oldIds = ids;
        float[] oldBest = best;
        ids = new long[oldIds.length * 2];
        Arrays.fill(ids, EMPTY);
        best = new float[ids.length * words * KINDS];
        size = 0;
        int stride = words * KINDS;
        for (int old = 0; old < oldIds.length; old++) {
            if (oldIds[old] != EMPTY) {
                int slot = slotFor(oldIds[old]);
                System.arraycopy(oldBest, old * stride, best, slot * stride, stride);
            }
        }
    }

    private static int hash(long taskId) {
        long mixed = taskId * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
