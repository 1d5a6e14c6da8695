#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
// Exported by libjavascriptcoregtk but not declared in Debian's public headers.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void* context);
JS_EXPORT void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                   JSShouldTerminateCallback callback, void* context);
JS_EXPORT void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);
// JSScriptRefPrivate.h: a script parsed once per context group and evaluated in many contexts.
typedef struct OpaqueJSScript* JSScriptRef;
JS_EXPORT JSScriptRef JSScriptCreateFromString(JSContextGroupRef contextGroup, JSStringRef url, int startingLineNumber,
                                               JSStringRef source, JSStringRef* errorMessage, int* errorLine);
JS_EXPORT void JSScriptRetain(JSScriptRef script);
JS_EXPORT void JSScriptRelease(JSScriptRef script);
JS_EXPORT JSValueRef JSScriptEvaluate(JSContextRef ctx, JSScriptRef script, JSValueRef thisValue, JSValueRef* exception);
