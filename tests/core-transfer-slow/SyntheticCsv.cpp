#include "SyntheticCsv.h"

#include "transfer/Sha256.h"

#include <QFile>
#include <array>
#include <cstring>
#include <vector>

namespace anadesk::test {

namespace {

// 1 MiB writes: on this kernel much larger single write() calls cost several times the CPU (see
// benchmarks/transfer/README.md), and the generator runs beside the sandbox and the CLI.
constexpr qsizetype kBlockBytes = 1 << 20;
constexpr qsizetype kMaxRowBytes = 160; // longest row below is ~90 bytes

// SplitMix64: tiny, fast, and the same sequence on every platform (the file must be reproducible).
struct SplitMix64
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

const std::array<const char *, 8> kRegions = {"EMEA – Zürich", "APAC – 東京",   "AMER – São Paulo",
                                              "EMEA – Kraków", "APAC – Sydney", "AMER – Toronto",
                                              "EMEA – Genève", "APAC – 大阪"};
const std::array<const char *, 8> kProducts = {"Widget Standard", "Widget Pro",    "Gadget Mini",
                                               "Gadget Max",      "Service Basic", "Service Premium",
                                               "Licence Seat",    "Licence Site"};

char *put(char *out, const char *text)
{
    const size_t n = std::strlen(text);
    std::memcpy(out, text, n);
    return out + n;
}

char *putNumber(char *out, quint64 value)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0)
        *out++ = digits[--n];
    return out;
}

char *putRow(char *out, quint64 row, SplitMix64 &rng)
{
    const quint64 r = rng.next();
    out = putNumber(out, row);
    *out++ = ',';
    out = put(out, kRegions[r & 7]);
    *out++ = ',';
    out = put(out, kProducts[(r >> 3) & 7]);
    out = put(out, ",FY25 M");
    const quint64 month = 1 + (r >> 6) % 12;
    if (month < 10)
        *out++ = '0';
    out = putNumber(out, month);
    *out++ = ',';
    out = putNumber(out, (r >> 10) % 5'000);
    *out++ = ',';
    out = putNumber(out, (r >> 23) % 250'000);
    *out++ = '.';
    const quint64 cents = (r >> 41) % 100;
    if (cents < 10)
        *out++ = '0';
    out = putNumber(out, cents);
    return put(out, "\r\n");
}

} // namespace

SyntheticCsvResult writeSyntheticCsv(const QString &path, qint64 bytes, quint64 seed)
{
    SyntheticCsvResult result;
    if (bytes < 64) {
        result.error = QStringLiteral("a synthetic CSV needs at least 64 bytes, %1 asked").arg(bytes);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        result.error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return result;
    }
    SplitMix64 rng{seed};
    Sha256 sha;
    // A block may overrun kBlockBytes by one row, then take the padding line.
    std::vector<char> block(size_t(kBlockBytes + 2 * kMaxRowBytes));
    quint64 row = 0;
    qint64 written = 0;
    bool header = true;
    while (written < bytes) {
        char *const begin = block.data();
        char *out = begin;
        if (header) {
            out = put(out, "Row,Region,Product,Period,Units,Amount\r\n");
            header = false;
        }
        // Whole rows while they surely fit both the block and the file; the file ends with one ASCII
        // padding line of the exact remaining size (never a cut character).
        while (out - begin < kBlockBytes && bytes - written - (out - begin) > kMaxRowBytes)
            out = putRow(out, ++row, rng);
        qint64 remaining = bytes - written - (out - begin);
        if (remaining <= kMaxRowBytes) {
            if (remaining >= 2) {
                std::memset(out, '#', size_t(remaining - 2));
                out += remaining - 2;
                out = put(out, "\r\n");
            } else if (remaining == 1) {
                *out++ = '\n';
            }
        }
        const qint64 size = out - begin;
        sha.addData(begin, size);
        if (file.write(begin, size) != size) {
            result.error = QStringLiteral("writing %1 failed after %2 bytes: %3")
                               .arg(path)
                               .arg(written)
                               .arg(file.errorString());
            return result;
        }
        written += size;
    }
    if (!file.flush() || file.size() != bytes) {
        result.error = QStringLiteral("%1 has %2 bytes after writing, %3 expected: %4")
                           .arg(path)
                           .arg(file.size())
                           .arg(bytes)
                           .arg(file.errorString());
        return result;
    }
    result.ok = true;
    result.sha256 = sha.result();
    result.bytes = written;
    result.rows = qint64(row);
    return result;
}

} // namespace anadesk::test
