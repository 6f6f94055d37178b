/* import_parse_parliament(): a Members' Names Data Platform document. */
#include "config.h"

#include "fuzz_import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(import_parse_parliament, data, size);
}
