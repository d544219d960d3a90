/* The public headers compile as C99 with -pedantic -Werror (docs/api.md). */
#include <recert.h>

int main(void)
{
    return recert_version() == RECERT_VERSION_NUMBER ? 0 : 1;
}
