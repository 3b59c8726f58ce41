/**
 * pythonSetOrder against CPython: the expected orders were printed by CPython 3.11.7 on this
 * project's machine (`list(set(keys))` and `list(set(mv).intersection(set(tu)))` for random keys).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstOfPythonIntersection, pythonSetOrder } from "../../src/mechanisms/python-set-order.js";

const SETS: Array<[number[], number[]]> = [[[10205], [10205]], [[4185, 5874, 11312], [11312, 4185, 5874]], [[10682, 8684, 475, 7628], [10682, 475, 8684, 7628]], [[4080, 10632, 849, 2569, 1854], [10632, 2569, 4080, 849, 1854]], [[6091, 7685, 4039, 6238, 8908, 1670], [7685, 1670, 4039, 6091, 8908, 6238]], [[9403, 4085, 214, 11979, 3550, 6687, 4579, 2983], [4579, 2983, 11979, 4085, 214, 9403, 3550, 6687]], [[6380, 2614, 1178, 2273, 10124, 10116, 7288, 2075], [2273, 10116, 6380, 10124, 2614, 7288, 1178, 2075]], [[2166, 29, 87, 3431, 3530, 2717, 2727, 4739], [4739, 2717, 3431, 2727, 3530, 2166, 87, 29]]];

const INTERSECTIONS: Array<[number[], number[], number[]]> = [[[1284, 814, 2208, 2776, 2562, 838, 744, 2828], [2776, 2828, 2208, 1284, 1479, 1699, 679, 596, 1080, 266, 1359, 1234, 2470, 2400], [2208, 1284, 2828, 2776]], [[13, 2441, 2776, 2898, 1384, 270, 1269, 1455], [1384, 2898, 270, 2776, 756, 1971, 1935, 2886, 721, 233, 1049, 93, 1464, 1655], [1384, 2898, 270, 2776]], [[74, 2248, 1715, 1499, 1541, 2369, 37, 1854], [74, 2369, 2248, 1541, 804, 487, 1007, 1893, 1410, 2099, 1453, 2149, 1027, 1895], [2248, 2369, 74, 1541]], [[442, 2415, 1504, 1211, 150, 1773, 373, 853], [1773, 150, 373, 1504, 607, 1392, 1129, 2877, 2232, 377, 1279, 2809, 1297, 1254], [1504, 373, 1773, 150]]];

test("list(set(keys)) order matches CPython, below and above the first resize", () => {
  for (const [keys, want] of SETS) assert.deepEqual(pythonSetOrder(keys), want, `keys ${keys.join(",")}`);
});

test("the first element of set(TM) & set(TU) matches CPython", () => {
  for (const [mv, tu, want] of INTERSECTIONS) {
    const liked = new Set(tu);
    assert.equal(firstOfPythonIntersection(pythonSetOrder(mv), (t) => liked.has(t)), want[0]);
  }
});
