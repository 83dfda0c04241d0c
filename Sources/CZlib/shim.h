// zlib, used to read the gzip-compressed benchmark tables in data/.
#include <zlib.h>
