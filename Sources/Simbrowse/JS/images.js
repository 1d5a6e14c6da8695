// images.js: evaluated per realm after fetch.js as the body of function (host, global). (to be written)
