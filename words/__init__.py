"""Everything a person reads, in French and English: UI texts (locale files), numbers, dates
and plurals (Babel, CLDR rules), French typography, and the sentences built from readings and
plans. The app, the command line and the report all speak through it; `model/` formats nothing."""
