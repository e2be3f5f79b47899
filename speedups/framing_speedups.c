/* Optional compiled twin of the per-token step of framing/text.py.
 *
 * word_table(low) returns what framing.text._word_table(low) returns: the start and end offsets and the
 * text of every word token of `low` (a case-folded text), the word pattern of framing/text.py applied
 * by hand:
 *
 *     (?!(?<=[^\W_][APOS])[sS]\b)[^\W_]+(?:[APOS](?![sS]\b)[^\W_]+|[HYPHEN][^\W_]+)*
 *
 * with APOS = ' U+2019 U+02BC and HYPHEN = - U+2010 U+2011, read as the reference reads it: over the
 * text with U+2019 and U+02BC made ' and U+2010 and U+2011 made -, so the words carry the plain marks.
 * [^\W_] is a character str.isalnum() accepts, as in Python's re; \b is a change between a word
 * character (alphanumeric or _) and anything else.
 *
 * match_all(index, lowers, starts, ends, text, n_lexicons, record) does what
 * framing.matcher.MultiMatcher._match_all does with the same arguments (see there for what they are).
 *
 * The Python versions are the reference: tests compare the two on every code point, on random text and
 * on every article the tests have.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Bump when word_table's contract changes: framing/text.py uses a build whose VERSION it expects, and
 * falls back to Python for any other (an old build left installed, say). */
#define SPEEDUPS_VERSION 3

/* The mark as it stands in a word: ' or -. The splitter reads every character this way, as the Python
 * reference reads the text with the marks made plain first (U+02BC is a letter to str.isalnum(), ' not). */
static inline Py_UCS4 plain_mark(Py_UCS4 c)
{
    if (c == 0x2019 || c == 0x02bc) return '\'';
    if (c == 0x2010 || c == 0x2011) return '-';
    return c;
}

#define READ(i) plain_mark(PyUnicode_READ(kind, d, (i)))

static inline int is_apos(Py_UCS4 c) { return c == '\''; }
static inline int is_hyphen(Py_UCS4 c) { return c == '-'; }

static inline int is_alnum(Py_UCS4 c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Py_UNICODE_ISALNUM(c);
}

static inline int is_word(Py_UCS4 c) { return c == '_' || is_alnum(c); }


/* An s or S at p with no word character after it: [sS]\b. */
static inline int lone_s(int kind, const void *d, Py_ssize_t n, Py_ssize_t p)
{
    Py_UCS4 c = READ(p);
    return (c == 's' || c == 'S') && (p + 1 >= n || !is_word(READ(p + 1)));
}

/* low[p:e] with its marks made plain (a new string). */
static PyObject *plain_word(int kind, const void *d, Py_ssize_t p, Py_ssize_t e)
{
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = p; i < e; i++) {
        Py_UCS4 c = READ(i);
        if (c > maxchar) maxchar = c;
    }
    PyObject *w = PyUnicode_New(e - p, maxchar);
    if (w == NULL) return NULL;
    int wkind = PyUnicode_KIND(w);
    void *wd = PyUnicode_DATA(w);
    for (Py_ssize_t i = p; i < e; i++) PyUnicode_WRITE(wkind, wd, i - p, READ(i));
    return w;
}

static int append_new(PyObject *list, PyObject *item)
{
    if (item == NULL) return -1;
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

static PyObject *word_table(PyObject *self, PyObject *low)
{
    if (!PyUnicode_Check(low)) {
        PyErr_Format(PyExc_TypeError, "word_table() takes a str, not %.100s", Py_TYPE(low)->tp_name);
        return NULL;
    }
    int kind = PyUnicode_KIND(low);
    const void *d = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    PyObject *starts = PyList_New(0), *ends = PyList_New(0), *words = PyList_New(0);
    if (starts == NULL || ends == NULL || words == NULL) goto fail;
    Py_ssize_t p = 0;
    while (p < n) {
        /* A word starts at an alphanumeric character, except the s of "Iran's". */
        if (!is_alnum(READ(p)) ||
            (p >= 2 && lone_s(kind, d, n, p) && is_apos(READ(p - 1)) &&
             is_alnum(READ(p - 2)))) {
            p++;
            continue;
        }
        Py_ssize_t e = p + 1;
        int marked = 0; /* holds a mark that is not plain ASCII */
        while (e < n && is_alnum(READ(e))) e++;
        /* Then any number of: an apostrophe not opening a lone s, or a hyphen; each with letters after. */
        while (e + 1 < n) {
            Py_UCS4 raw = PyUnicode_READ(kind, d, e), m = plain_mark(raw);
            if (is_apos(m)) {
                if (lone_s(kind, d, n, e + 1)) break;
            } else if (!is_hyphen(m)) {
                break;
            }
            if (!is_alnum(READ(e + 1))) break;
            marked |= raw != m;
            e += 2;
            while (e < n && is_alnum(READ(e))) e++;
        }
        if (append_new(starts, PyLong_FromSsize_t(p)) < 0 || append_new(ends, PyLong_FromSsize_t(e)) < 0 ||
            append_new(words, marked ? plain_word(kind, d, p, e) : PyUnicode_Substring(low, p, e)) < 0)
            goto fail;
        p = e;
    }
    return Py_BuildValue("(NNN)", starts, ends, words);
fail:
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(words);
    return NULL;
}


/* ------------------------------------------------------------------------------------------- matcher */

/* unify(text)[start:end] == s, for a token text[start:end], without making either: inside a word, unify()
 * changes only the marks, as plain_mark does (a word holds no other character unify() changes). */
static int same_word(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *s)
{
    if (!PyUnicode_Check(s)) return -1;
    if (PyUnicode_GET_LENGTH(s) != end - start) return 0;
    int kind = PyUnicode_KIND(text), skind = PyUnicode_KIND(s);
    const void *d = PyUnicode_DATA(text), *sd = PyUnicode_DATA(s);
    for (Py_ssize_t i = start; i < end; i++)
        if (READ(i) != PyUnicode_READ(skind, sd, i - start)) return 0;
    return 1;
}

/* Tokens first..last are separated by spaces only: no punctuation, no line break (matcher._plain_run). */
static int plain_run(PyObject *text, const Py_ssize_t *ts, const Py_ssize_t *te, Py_ssize_t first, Py_ssize_t last)
{
    int kind = PyUnicode_KIND(text);
    const void *d = PyUnicode_DATA(text);
    for (Py_ssize_t k = first; k < last; k++) {
        Py_ssize_t a = te[k], b = ts[k + 1];
        if (b - a == 1 && PyUnicode_READ(kind, d, a) == ' ') continue;
        if (b <= a) return 0;
        for (Py_ssize_t i = a; i < b; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, d, i);
            if (c == '\n' || !Py_UNICODE_ISSPACE(c)) return 0;
        }
    }
    return 1;
}

/* A list of ints as an array (to be freed by the caller), or NULL with an exception set. */
static Py_ssize_t *int_array(PyObject *list, Py_ssize_t n)
{
    if (!PyList_Check(list) || PyList_GET_SIZE(list) != n) {
        PyErr_SetString(PyExc_ValueError, "match_all(): starts and ends must be lists as long as lowers");
        return NULL;
    }
    Py_ssize_t *out = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    if (out == NULL) return (Py_ssize_t *)PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = PyLong_AsSsize_t(PyList_GET_ITEM(list, i));
        if (out[i] == -1 && PyErr_Occurred()) {
            PyMem_Free(out);
            return NULL;
        }
    }
    return out;
}

#define BAD_INDEX(what)                                                              \
    do {                                                                             \
        PyErr_SetString(PyExc_TypeError, "match_all(): the index is malformed: " what); \
        goto fail;                                                                   \
    } while (0)

static PyObject *match_all(PyObject *self, PyObject *args)
{
    PyObject *index, *lowers, *starts_list, *ends_list, *text;
    Py_ssize_t n_lex;
    PyTypeObject *record;
    if (!PyArg_ParseTuple(args, "O!O!OOUnO!:match_all", &PyDict_Type, &index, &PyList_Type, &lowers,
                          &starts_list, &ends_list, &text, &n_lex, &PyType_Type, &record))
        return NULL;
    if (!PyType_IsSubtype(record, &PyTuple_Type) || record->tp_basicsize != PyTuple_Type.tp_basicsize ||
        record->tp_itemsize != PyTuple_Type.tp_itemsize) {
        PyErr_SetString(PyExc_TypeError, "match_all(): record must be a tuple type with no fields of its own");
        return NULL;
    }
    if (n_lex < 0) {
        PyErr_SetString(PyExc_ValueError, "match_all(): n_lexicons must be at least 0");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lowers);
    Py_ssize_t *ts = NULL, *te = NULL, *nxt = NULL;
    PyObject *outs = NULL;
    if ((ts = int_array(starts_list, n)) == NULL || (te = int_array(ends_list, n)) == NULL) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) { /* every offset is read from text: none may lie outside it */
        if (ts[i] < 0 || ts[i] > te[i] || te[i] > PyUnicode_GET_LENGTH(text) || (i > 0 && ts[i] < te[i - 1])) {
            PyErr_SetString(PyExc_ValueError, "match_all(): token offsets must be in order and inside the text");
            goto fail;
        }
    }
    if ((nxt = PyMem_Calloc(n_lex + 1, sizeof(Py_ssize_t))) == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    if ((outs = PyList_New(n_lex)) == NULL) goto fail;
    for (Py_ssize_t k = 0; k < n_lex; k++) {
        PyObject *l = PyList_New(0);
        if (l == NULL) goto fail;
        PyList_SET_ITEM(outs, k, l);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *opener = PyDict_GetItemWithError(index, PyList_GET_ITEM(lowers, i));
        if (opener == NULL) {
            if (PyErr_Occurred()) goto fail;
            continue; /* this token opens no form */
        }
        if (!PyTuple_Check(opener) || PyTuple_GET_SIZE(opener) != 2) BAD_INDEX("an entry is not (needed, groups)");
        PyObject *second = i + 1 < n ? PyList_GET_ITEM(lowers, i + 1) : Py_None;
        PyObject *needed = PyTuple_GET_ITEM(opener, 0), *groups = PyTuple_GET_ITEM(opener, 1);
        if (needed != Py_None) {
            int has = second == Py_None ? 0 : PySet_Contains(needed, second);
            if (has < 0) goto fail;
            if (!has) continue;
        }
        if (!PyTuple_Check(groups)) BAD_INDEX("groups are not a tuple");
        for (Py_ssize_t g = 0; g < PyTuple_GET_SIZE(groups); g++) {
            PyObject *group = PyTuple_GET_ITEM(groups, g);
            if (!PyTuple_Check(group) || PyTuple_GET_SIZE(group) != 3) BAD_INDEX("a group is not a triple");
            Py_ssize_t number = PyLong_AsSsize_t(PyTuple_GET_ITEM(group, 0));
            if (number == -1 && PyErr_Occurred()) goto fail;
            if (number < 0 || number >= n_lex) BAD_INDEX("a lexicon number is out of range");
            if (i < nxt[number]) continue;
            PyObject *cands = PyTuple_GET_ITEM(group, 1), *longer = PyTuple_GET_ITEM(group, 2);
            if (!PyDict_Check(longer)) BAD_INDEX("the longer forms are not a dict");
            if (second != Py_None) {
                PyObject *more = PyDict_GetItemWithError(longer, second);
                if (more != NULL) cands = more;
                else if (PyErr_Occurred()) goto fail;
            }
            if (!PyTuple_Check(cands)) BAD_INDEX("candidates are not a tuple");
            for (Py_ssize_t c = 0; c < PyTuple_GET_SIZE(cands); c++) {
                PyObject *cand = PyTuple_GET_ITEM(cands, c);
                if (!PyTuple_Check(cand) || PyTuple_GET_SIZE(cand) != 5) BAD_INDEX("a candidate is not a 5-tuple");
                Py_ssize_t size = PyLong_AsSsize_t(PyTuple_GET_ITEM(cand, 0));
                if (size == -1 && PyErr_Occurred()) goto fail;
                int exact = PyObject_IsTrue(PyTuple_GET_ITEM(cand, 1));
                if (exact < 0) goto fail;
                PyObject *rest = PyTuple_GET_ITEM(cand, 2), *key = PyTuple_GET_ITEM(cand, 3);
                if (!PyList_Check(rest) || !PyTuple_Check(key) || size < 1 || PyTuple_GET_SIZE(key) != size ||
                    PyList_GET_SIZE(rest) != (size > 2 ? size - 2 : 0))
                    BAD_INDEX("a candidate's words do not fit its size");
                Py_ssize_t last = i + size - 1;
                if (last >= n) continue;
                int ok = 1;
                for (Py_ssize_t k = 2; ok && k < size; k++) {
                    ok = PyObject_RichCompareBool(PyList_GET_ITEM(lowers, i + k), PyList_GET_ITEM(rest, k - 2), Py_EQ);
                    if (ok < 0) goto fail;
                }
                if (ok && size > 1) ok = plain_run(text, ts, te, i, last);
                for (Py_ssize_t k = i; ok && exact && k <= last; k++) {
                    ok = same_word(text, ts[k], te[k], PyTuple_GET_ITEM(key, k - i));
                    if (ok < 0) BAD_INDEX("a key is not a str");
                }
                if (!ok) continue;
                PyObject *m = record->tp_alloc(record, 5);
                if (m == NULL) goto fail;
                PyObject *vals[5] = {PyLong_FromSsize_t(i), PyLong_FromSsize_t(last), PyLong_FromSsize_t(ts[i]),
                                     PyLong_FromSsize_t(te[last]), Py_NewRef(PyTuple_GET_ITEM(cand, 4))};
                for (int v = 0; v < 5; v++) PyTuple_SET_ITEM(m, v, vals[v]);
                if (!vals[0] || !vals[1] || !vals[2] || !vals[3]) {
                    Py_DECREF(m);
                    goto fail;
                }
                if (append_new(PyList_GET_ITEM(outs, number), m) < 0) goto fail;
                nxt[number] = last + 1;
                break;
            }
        }
    }
    PyMem_Free(ts);
    PyMem_Free(te);
    PyMem_Free(nxt);
    return outs;
fail:
    PyMem_Free(ts);
    PyMem_Free(te);
    PyMem_Free(nxt);
    Py_XDECREF(outs);
    return NULL;
}

static PyMethodDef methods[] = {
    {"word_table", word_table, METH_O,
     "word_table(low) -> (starts, ends, words): every word token of a case-folded text (see framing.text)."},
    {"match_all", match_all, METH_VARARGS,
     "match_all(index, lowers, starts, ends, text, n_lexicons, record): see framing.matcher."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "framing_speedups", "Compiled twins of framing's per-token steps.", -1, methods,
};

PyMODINIT_FUNC PyInit_framing_speedups(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", SPEEDUPS_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
