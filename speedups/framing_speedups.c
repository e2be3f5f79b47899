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
 * The Python version is the reference: tests compare the two on every code point and on random text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Bump when word_table's contract changes: framing/text.py uses a build whose VERSION it expects, and
 * falls back to Python for any other (an old build left installed, say). */
#define SPEEDUPS_VERSION 1

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

static PyMethodDef methods[] = {
    {"word_table", word_table, METH_O,
     "word_table(low) -> (starts, ends, words): every word token of a case-folded text (see framing.text)."},
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
