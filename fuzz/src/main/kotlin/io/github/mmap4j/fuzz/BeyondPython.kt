package io.github.mmap4j.fuzz

/**
 * Python definitions for [BeyondCPythonAction]s, for the CPython oracle and for reproduction
 * scripts. Typed words go through CPython's own `struct.unpack_from` / `struct.pack_into` on the
 * map (so the model's bytes are checked against `struct`), with three adjustments: the closed check
 * comes first (`len(m)`), as everywhere in mmap4j; a negative offset, which `struct` counts from
 * the end and core's typed words reject, is passed as `2**63 - 1` so that `struct` raises its own
 * range error after its own buffer checks; and `struct.error` becomes an `IndexError` (mmap4j's
 * `IndexOutOfBoundsException`), keeping CPython's message. The oracle compares only the exception's
 * kind for these ([Action.oracleComparesKindOnly]). The bulk copies and the atomic words have no
 * CPython counterpart and are written out over `m.read`, slices and `struct`.
 */
val BEYOND_PYTHON =
  """
  |import struct
  |
  |def f32(bits):
  |    return struct.unpack('<f', struct.pack('<I', bits & 0xffffffff))[0]
  |
  |def f64(bits):
  |    return struct.unpack('<d', struct.pack('<Q', bits & 0xffffffffffffffff))[0]
  |
  |def raw_format(fmt):
  |    return fmt.replace('f', 'I').replace('d', 'Q')
  |
  |def struct_call(fn, fmt, m, off, *value):
  |    len(m)  # the closed check comes first
  |    if off < 0 and fmt != 'b':  # getByte/setByte count from the end like struct; words do not
  |        off = 2 ** 63 - 1
  |    try:
  |        return fn(fmt, m, off, *value)
  |    except struct.error as e:  # the offset: mmap4j's IndexOutOfBoundsException
  |        raise IndexError(e)
  |
  |def struct_get(m, fmt, off):
  |    x = struct_call(struct.unpack_from, fmt, m, off)[0]
  |    if fmt[-1] not in 'fd':
  |        return x
  |    if fmt[-1] == 'f' and x != x:
  |        # 3.11 widens a float to a C double, which quiets a signalling NaN: read its raw bits.
  |        bits = struct.unpack_from(raw_format(fmt), m, off)[0]
  |    else:
  |        bits = struct.unpack(raw_format(fmt), struct.pack(fmt, x))[0]
  |    return ('f32 0x%08x' if fmt[-1] == 'f' else 'f64 0x%016x') % bits
  |
  |def struct_set(m, fmt, off, value):
  |    if fmt[-1] == 'f' and f32(value) != f32(value):
  |        # 3.11 packs a float through a C double-to-float cast, which quiets a signalling NaN;
  |        # mmap4j stores the bits as given: pack the NaN's raw bits.
  |        fmt, value = raw_format(fmt), value & 0xffffffff
  |    elif fmt[-1] in 'fd':
  |        value = f32(value) if fmt[-1] == 'f' else f64(value)
  |    return struct_call(struct.pack_into, fmt, m, off, value)
  |
  |def check_from_index_size(off, n, length):  # java.util.Objects.checkFromIndexSize
  |    if off < 0 or n < 0 or n > length - off:
  |        raise IndexError('Range [%d, %d + %d) out of bounds for length %d' % (off, off, n, length))
  |
  |def check_span(m, index, n):
  |    if index < 0 or index > len(m) - n:
  |        raise IndexError('mmap index out of range')
  |
  |def check_writable(m):
  |    if m.closed or 'ACCESS_READ' in repr(m):
  |        m.write(b'')  # raises the closed or read-only error
  |
  |def fill(n):  # what a destination holds before a read
  |    return bytearray((0xa0 + i) % 256 for i in range(n))
  |
  |def read_into(m, size, off, n):
  |    len(m)
  |    dst = fill(size)
  |    check_from_index_size(off, n, size)
  |    got = m.read(n) if n > 0 else b''
  |    dst[off:off + len(got)] = got
  |    return [0 if n == 0 else len(got) or -1, bytes(dst)]
  |
  |def get_into(m, index, size, off, n):
  |    len(m)
  |    dst = fill(size)
  |    check_from_index_size(off, n, size)
  |    check_span(m, index, n)
  |    dst[off:off + n] = m[index:index + n]
  |    return bytes(dst)
  |
  |def set_from(m, index, src, off, n):
  |    check_writable(m)
  |    check_from_index_size(off, n, len(src))
  |    check_span(m, index, n)
  |    m[index:index + n] = src[off:off + n]
  |
  |def read_buffer(m, size, pos, lim, direct=False, read_only=False):
  |    len(m)
  |    if read_only:
  |        raise TypeError('null')  # java.nio.ReadOnlyBufferException has no message
  |    buf = fill(size)
  |    got = m.read(lim - pos) if lim > pos else b''
  |    buf[pos:pos + len(got)] = got
  |    return [0 if lim == pos else len(got) or -1, pos + len(got), lim, bytes(buf)]
  |
  |def write_buffer(m, content, pos, lim, direct=False, read_only=False):
  |    count = m.write(content[pos:lim])  # closed, read-only, then data out of range
  |    return [count, lim, lim, content]
  |
  |def atomic_index(m, fmt, index, writes):
  |    check_writable(m) if writes else len(m)
  |    size = struct.calcsize(fmt)
  |    check_span(m, index, size)
  |    if index % size:
  |        raise ValueError('index %d is not aligned: atomic access needs a multiple of %d'
  |                         % (index, size))
  |
  |def get_volatile(m, fmt, index):
  |    atomic_index(m, fmt, index, False)
  |    return struct.unpack_from(fmt, m, index)[0]
  |
  |get_acquire = get_volatile
  |
  |def set_volatile(m, fmt, index, value):
  |    atomic_index(m, fmt, index, True)
  |    struct.pack_into(fmt, m, index, value)
  |
  |set_release = set_volatile
  |
  |def compare_and_set(m, fmt, index, expected, value):
  |    atomic_index(m, fmt, index, True)
  |    if struct.unpack_from(fmt, m, index)[0] != expected:
  |        return False
  |    struct.pack_into(fmt, m, index, value)
  |    return True
  |
  |def get_and_add(m, fmt, index, delta):
  |    atomic_index(m, fmt, index, True)
  |    old = struct.unpack_from(fmt, m, index)[0]
  |    half = 1 << (8 * struct.calcsize(fmt) - 1)
  |    struct.pack_into(fmt, m, index, (old + delta + half) % (2 * half) - half)  # wraps like Java
  |    return old
  |
  |"""
    .trimMargin()
