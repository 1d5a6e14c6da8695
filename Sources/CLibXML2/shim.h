// Debian's libxml2 is built with ICU; its headers would pull in system ICU headers that clash
// with Foundation's copy ("UErrorCode has different definitions"). Hide ICU from this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
