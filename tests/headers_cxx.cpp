// The public headers compile as C++ and link from C++ (docs/api.md).
#include <recert.h>

int main()
{
    const recert_error *e = recert_error_last();
    return (e != nullptr && recert_version() == RECERT_VERSION_NUMBER) ? 0 : 1;
}
