// Debian's libxml2 is built with ICU, so <libxml/encoding.h> would include the system's <unicode/ucnv.h>, whose
// declarations clash with Foundation's own copy of ICU (_FoundationICU) in any module that imports both. Nothing
// here uses libxml2's ICU converters: hiding them only hides the last two fields of xmlCharEncodingHandler, a
// struct Swift never sees by value.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
