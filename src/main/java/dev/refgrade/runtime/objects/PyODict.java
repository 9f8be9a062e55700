package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * collections.OrderedDict (Objects/odictobject.c, 3.11): a dict plus a doubly linked list of nodes,
 * each holding a reference to its key, and od_fast_nodes, a table of node pointers sized like the
 * dict's index, rebuilt whenever a lookup finds the dict's keys table changed (_odict_resize).
 */
public final class PyODict extends PyDict {
    public static final PyType TYPE = PyType.newBuiltin("collections.OrderedDict", PyType.DICT);

    /** _ODictNode: the key (owned) and its hash. */
    public static final class Node {
        public final PyObject key;
        public final long hash;
        public Node prev, next;

        Node(PyObject key, long hash) {
            this.key = key;
            this.hash = hash;
        }
    }

    public Node first, last;
    /** The node of each key, by the key object the dict keeps (which is the node's own). */
    private final Map<PyObject, Node> nodes = new IdentityHashMap<>();
    /** od_fast_nodes_size: the dict's index size when _odict_get_index last synced, 0 after clearing. */
    private int fastNodes;
    /** od_state: bumped by every change of the list, which iterators check. */
    public long state;

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** GC header and sizeof(PyODictObject): the dict, two list ends, the fast-node table, its size and sentinel, state, __dict__, weaklist. */
    @Override
    public int allocSize() {
        return 16 + 112;
    }

    /** odict_sizeof: the dict's, plus 8 bytes per fast-node slot, plus a 32-byte node per item while any exists. */
    @Override
    public long sizeOf() {
        return super.sizeOf() + 8L * fastNodes + (first == null ? 0 : 32L * used);
    }

    /** _odict_get_index: resyncs od_fast_nodes with the dict's table, then the entry of {@code key} or -1. */
    private int index(PyRuntime rt, PyObject key, long hash) {
        fastNodes = indexSize();
        return find(rt, key, hash);
    }

    /** _odict_find_node_hash: none while the list is empty (and then no resync). */
    public Node findNode(PyRuntime rt, PyObject key, long hash) {
        if (first == null) return null;
        int ix = index(rt, key, hash);
        return ix < 0 ? null : nodes.get(keyAt(ix));
    }

    /** _PyODict_SetItem_KnownHash: the dict's store, then a node at the tail for a new key. */
    public void setItem(PyRuntime rt, PyObject key, PyObject value, long hash) {
        putKnownHash(rt, key, value, hash);
        int ix = index(rt, key, hash);
        PyObject stored = keyAt(ix);
        if (nodes.containsKey(stored)) return;
        Node n = new Node(rt.heap.newRef(stored), hash);
        nodes.put(stored, n);
        addTail(n);
    }

    /** PyODict_DelItem: the node cleared (_odict_clear_node) before the dict's entry is deleted; false when absent. */
    public boolean delItem(PyRuntime rt, PyObject key, long hash) {
        clearNode(rt, findNode(rt, key, hash));
        int ix = find(rt, key, hash);
        if (ix < 0) return false;
        removeEntry(rt.heap, ix);
        return true;
    }

    /** _odict_clear_node: unlinks the node and releases its key. */
    public void clearNode(PyRuntime rt, Node n) {
        if (n == null) return;
        nodes.remove(n.key);
        unlink(n);
        rt.heap.decref(n.key);
    }

    public void unlink(Node n) {
        if (first == n) first = n.next;
        else if (n.prev != null) n.prev.next = n.next;
        if (last == n) last = n.prev;
        else if (n.next != null) n.next.prev = n.prev;
        n.prev = n.next = null;
        state++;
    }

    public void addTail(Node n) {
        n.prev = last;
        n.next = null;
        if (last == null) first = n;
        else last.next = n;
        last = n;
        state++;
    }

    public void addHead(Node n) {
        n.prev = null;
        n.next = first;
        if (first == null) last = n;
        else first.prev = n;
        first = n;
        state++;
    }

    /** _odict_clear_nodes: the fast table dropped, then each node's key released, first to last. */
    public void clearNodes(Heap heap) {
        fastNodes = 0;
        Node n = first;
        first = last = null;
        nodes.clear();
        while (n != null) {
            Node next = n.next;
            heap.decref(n.key);
            n = next;
        }
    }

    /** odict_traverse: each node's key in order, then the dict's entries. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (Node n = first; n != null; n = n.next) visit.accept(n.key);
        super.traverse(visit);
    }

    /** odict_dealloc: the nodes, then dict_dealloc's entries. */
    @Override
    public void releaseReferences(Heap heap) {
        clearNodes(heap);
        super.releaseReferences(heap);
    }

    /** odict_tp_clear: PyDict_Clear first, then the nodes. */
    @Override
    public void clearForCollector(Heap heap) {
        clearEntries(heap);
        clearNodes(heap);
    }
}
