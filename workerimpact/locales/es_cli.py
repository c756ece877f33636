"""Spanish text of the command line's remaining messages: problems in questionnaire files
(``validate``, ``install``), ``library``, ``questionnaires`` and the error handler.

Merged into ``workerimpact.locales.es.MESSAGES``; the same rules hold (English key exactly
as marked, same ``{placeholders}``, "usted"). Quoted ids, field names and JSON words stay in
straight double quotes: they are what the consultant types into the file, not prose.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- the error handler and what every command shares -------------------------------
    "the library reported an error: {error}": "la biblioteca informó de un error: {error}",
    "and {number} more problem": "y {number} problema más",
    "and {number} more problems": "y {number} problemas más",
    "no such file": "no existe ese archivo",
    "{value} is not offered; choose one of: {choices}": (
        "{value} no está disponible; elija uno de estos: {choices}"
    ),
    "the file already exists; choose another name or add --force": (
        "el archivo ya existe; elija otro nombre o agregue --force"
    ),
    "note: {notice}": "nota: {notice}",
    "warning: {text}": "advertencia: {text}",
    # --- library ----------------------------------------------------------------------
    "ORGANIZATION": "ORGANIZACIÓN",
    "AI SYSTEM": "SISTEMA DE IA",
    "ASSESSED BY": "EVALUADA POR",
    "STATUS": "ESTADO",
    "LEVEL": "NIVEL",
    "DONE": "HECHO",
    "UPDATED (UTC)": "CAMBIO (UTC)",
    "DAMAGED": "DAÑADA",
    "The trash is empty.": "La papelera está vacía.",
    "No assessments in the library.": "No hay evaluaciones en la biblioteca.",
    "* provisional: not every question the level rests on is answered yet": (
        "* provisional: aún faltan respuestas a preguntas de las que depende el nivel"
    ),
    "{count} measure overdue": "{count} medida atrasada",
    "{count} measures overdue": "{count} medidas atrasadas",
    "review due": "revisión pendiente",
    "wrote {path}": "se escribió {path}",
    "backed up to {path} ({size})": "copia de seguridad en {path} ({size})",
    "There are no backups in {folder} to restore.": (
        "No hay copias de seguridad en {folder} para restaurar."
    ),
    "skipping {name}: {error}": "se omite {name}: {error}",
    "None of the {count} backups in {folder} can be used: each is damaged or from a newer "
    "WorkerImpact. The library was not changed.": (
        "No se puede usar ninguna de las {count} copias de seguridad de {folder}: cada una "
        "está dañada o es de una versión más nueva de WorkerImpact. La biblioteca no cambió."
    ),
    "There is no backup number {number}; run `workerimpact library restore` to list them.": (
        "No hay copia de seguridad con el número {number}; ejecute "
        "`workerimpact library restore` para ver la lista."
    ),
    "recovered {id} from {name}": "se recuperó {id} de {name}",
    "No backups yet in {folder}.": "Aún no hay copias de seguridad en {folder}.",
    "Backups in {folder} (newest first):": (
        "Copias de seguridad en {folder} (las más recientes primero):"
    ),
    "To replace the library with one: workerimpact library restore latest (or a number "
    "above). The current library is kept in backups/replaced/.": (
        "Para reemplazar la biblioteca con una: workerimpact library restore latest (o uno "
        "de los números de arriba). La biblioteca actual se guarda en backups/replaced/."
    ),
    "restored {name}": "se restauró {name}",
    "the library it replaced was kept as {path}": (
        "la biblioteca que se reemplazó se guardó como {path}"
    ),
    # --- questionnaires: list, validate, install ----------------------------------------
    "built-in": "incluido",
    "installed": "instalado",
    "Some installed questionnaires could not be used:": (
        "No se pudieron usar algunos cuestionarios instalados:"
    ),
    "{model} (findings set floors for levels)": ("{model} (los hallazgos fijan un nivel mínimo)"),
    "{model} (the default: share of answered points)": (
        "{model} (el predeterminado: proporción de los puntos respondidos)"
    ),
    "{path}: valid — {id} {version}, {questions}, {rules}, scoring model {model}": (
        "{path}: válido — {id} {version}, {questions}, {rules}, modelo de puntuación {model}"
    ),
    "{count} question": "{count} pregunta",
    "{count} questions": "{count} preguntas",
    "{count} rule": "{count} regla",
    "{count} rules": "{count} reglas",
    "{count} problem": "{count} problema",
    "{count} problems": "{count} problemas",
    "in {count} file": "en {count} archivo",
    "in {count} files": "en {count} archivos",
    "{count} warning": "{count} advertencia",
    "{count} warnings": "{count} advertencias",
    "installed {id} {version} ({title}) as {path}": (
        "se instaló {id} {version} ({title}) como {path}"
    ),
    # --- the questionnaire catalogue ---------------------------------------------------
    'the id "{id}" is already used by another questionnaire; this file is ignored': (
        'otro cuestionario ya usa el id "{id}"; no se tiene en cuenta este archivo'
    ),
    'the id "{id}" belongs to a built-in questionnaire; give your questionnaire its own id': (
        'el id "{id}" es de un cuestionario incluido; dé a su cuestionario un id propio'
    ),
    "cannot install the questionnaire here ({reason}); the data folder must be a folder you "
    "can write to: check WORKERIMPACT_HOME or free the path": (
        "no se puede instalar el cuestionario aquí ({reason}); la carpeta de datos debe ser "
        "una carpeta en la que usted pueda escribir: revise WORKERIMPACT_HOME o libere la ruta"
    ),
    "{shown} is a questionnaire file, not a questionnaire id: install it first with: "
    "workerimpact install {shown}, then name its id here": (
        "{shown} es un archivo de cuestionario, no el id de un cuestionario: primero "
        "instálelo con: workerimpact install {shown}, y luego indique aquí su id"
    ),
    'no questionnaire "{id}"; available: {names}': (
        'no hay ningún cuestionario "{id}"; disponibles: {names}'
    ),
    # --- JSON syntax ------------------------------------------------------------------
    "the end of the file": "el final del archivo",
    "a double quote": "una comilla doble",
    "a colon": "dos puntos",
    "a comma": "una coma",
    "{token} is not a number JSON allows; write a number, or null for no value": (
        "{token} no es un número que JSON permita; escriba un número, o null si no hay valor"
    ),
    "the number {shown} is {length} characters long; write a number between -1e308 and 1e308": (
        "el número {shown} tiene {length} caracteres; escriba un número entre -1e308 y 1e308"
    ),
    "the number {shown} is too large; write a number between -1e308 and 1e308": (
        "el número {shown} es demasiado grande; escriba un número entre -1e308 y 1e308"
    ),
    "the curly quote {char} is not a JSON quote (word processors put them in); use straight "
    'double quotes "': (
        "la comilla curva {char} no es una comilla de JSON (los procesadores de texto las "
        'ponen); use comillas dobles rectas "'
    ),
    "JSON has no comments; remove the comment (or put the note in a field)": (
        "JSON no admite comentarios; quite el comentario (o ponga la nota en un campo)"
    ),
    "JSON text and keys use double quotes (\"), not single quotes (')": (
        "en JSON, el texto y las claves van entre comillas dobles (\"), no simples (')"
    ),
    "a comma after the last item (a trailing comma); remove this comma": (
        "hay una coma después del último elemento; quite esta coma"
    ),
    "the file ends before the JSON is complete: a closing {brackets} or a value is missing": (
        "el archivo termina antes de que el JSON esté completo: falta un {brackets} de "
        "cierre o un valor"
    ),
    "a comma with nothing before it (two commas in a row?); remove it": (
        "hay una coma sin nada antes (¿dos comas seguidas?); quítela"
    ),
    'a key needs double quotes: write "{word}"': (
        'una clave va entre comillas dobles: escriba "{word}"'
    ),
    "expected a key in double quotes here, found {shown}": (
        "aquí se esperaba una clave entre comillas dobles, pero hay {shown}"
    ),
    "JSON writes {fixed} in lower case; write {fixed}": (
        "JSON escribe {fixed} en minúsculas; escriba {fixed}"
    ),
    'text needs double quotes: write "{word}"': (
        'el texto va entre comillas dobles: escriba "{word}"'
    ),
    "expected a value here (text in double quotes, a number, true, false, null, an object "
    "{{…}} or a list […]), found {shown}": (
        "aquí se esperaba un valor (texto entre comillas dobles, un número, true, false, "
        "null, un objeto {{…}} o una lista […]), pero hay {shown}"
    ),
    'a double quote inside text ends the text early; write \\" for a quote inside text': (
        'una comilla doble dentro del texto lo termina antes de tiempo; escriba \\" para '
        "poner una comilla dentro del texto"
    ),
    "the file ends before the JSON is complete: a closing {brackets} is missing": (
        "el archivo termina antes de que el JSON esté completo: falta un {brackets} de cierre"
    ),
    "expected a comma (or a closing bracket) before this, found {shown}; is a comma missing "
    "between two items?": (
        "se esperaba una coma (o un corchete o llave de cierre) antes de esto, pero hay "
        "{shown}; ¿falta una coma entre dos elementos?"
    ),
    "expected a colon (:) after the key, found {shown}": (
        "se esperaban dos puntos (:) después de la clave, pero hay {shown}"
    ),
    'this text in double quotes is never closed; add the closing "': (
        'este texto entre comillas dobles nunca se cierra; agregue la " de cierre'
    ),
    "a line break inside text in double quotes: close the quote before the line ends, or "
    "write \\n for a line break": (
        "hay un salto de línea dentro de un texto entre comillas dobles: cierre la comilla "
        "antes del final de la línea, o escriba \\n para un salto de línea"
    ),
    "a tab inside text in double quotes; write \\t instead": (
        "hay un tabulador dentro de un texto entre comillas dobles; escriba \\t en su lugar"
    ),
    "the invisible character {shown} inside text is not allowed; remove it": (
        "no se permite el carácter invisible {shown} dentro del texto; quítelo"
    ),
    "\\u in text must be followed by four hexadecimal digits, as in \\u00e9": (
        "en el texto, \\u debe ir seguido de cuatro dígitos hexadecimales, como en \\u00e9"
    ),
    "a backslash (\\) in text starts an escape such as \\n; write \\\\ for a backslash itself "
    "(as in a Windows path)": (
        "una barra invertida (\\) en el texto inicia un código como \\n; escriba \\\\ para "
        "una barra invertida (como en una ruta de Windows)"
    ),
    "more text after the end of the JSON: remove it, or check for a closing {brackets} too "
    "many before this point": (
        "hay más texto después del final del JSON: quítelo, o busque un {brackets} de cierre "
        "de más antes de este punto"
    ),
    "not valid JSON here: {text}": "aquí el JSON no es válido: {text}",
    # --- the structure of a questionnaire ---------------------------------------------
    "; did you mean {name}?": "; ¿quiso decir {name}?",
    "did you mean {name}? ": "¿quiso decir {name}? ",
    "text": "texto",
    "a number": "un número",
    "a whole number": "un número entero",
    "true or false": "true o false",
    "a list": "una lista",
    "an object": "un objeto",
    " or ": " o ",
    "section {id}": "la sección {id}",
    "question {id}": "la pregunta {id}",
    "option {id}": "la opción {id}",
    "rule {id}": "la regla {id}",
    "dimension {id}": "la dimensión {id}",
    "adjustment {id}": "el ajuste {id}",
    "unknown field {name}": "campo desconocido {name}",
    'missing required field "{name}"': 'falta el campo obligatorio "{name}"',
    "missing required field": "falta un campo obligatorio",
    "unknown operator {name}": "operador desconocido {name}",
    "; expected one of: {names}": "; se esperaba uno de estos: {names}",
    'an expression needs an "op" field naming its operator': (
        'una expresión necesita un campo "op" con el nombre de su operador'
    ),
    "{value} is not allowed{hint} (allowed: {names})": (
        "{value} no está permitido{hint} (permitidos: {names})"
    ),
    "{value} is not allowed; expected one of: {names}": (
        "{value} no está permitido; se esperaba uno de estos: {names}"
    ),
    '{value} is not a language tag; {hint}write a tag such as "en", "fr" or "en-US" (the '
    'language in lower case, then "-" and a region)': (
        '{value} no es una etiqueta de idioma; {hint}escriba una etiqueta como "en", "fr" o '
        '"en-US" (el idioma en minúsculas, luego "-" y una región)'
    ),
    "{value} is not a valid id or code: use letters, digits, '_', '-' or '.', starting with a "
    "letter or digit, at most 64 characters": (
        "{value} no es un id o código válido: use letras, dígitos, '_', '-' o '.', empiece "
        "con una letra o un dígito, y no pase de 64 caracteres"
    ),
    "{value} does not have the expected form": "{value} no tiene la forma esperada",
    "expected {wanted}, got {got} ({value})": "se esperaba {wanted}, pero hay {got} ({value})",
    "expected {wanted}, got {got}": "se esperaba {wanted}, pero hay {got}",
    "; write it in double quotes: {value}": "; escríbalo entre comillas dobles: {value}",
    "; a condition is an object such as {example}": ("; una condición es un objeto como {example}"),
    "must not be empty": "no puede estar vacío",
    "must have at least {limit} characters; this has {length}": (
        "debe tener al menos {limit} caracteres; este tiene {length}"
    ),
    "must have at most {limit} characters; this has {length}": (
        "debe tener como máximo {limit} caracteres; este tiene {length}"
    ),
    "must have at least {limit} items": "debe tener al menos {limit} elementos",
    "must have at most {limit} items": "debe tener como máximo {limit} elementos",
    "must have at least {limit} characters": "debe tener al menos {limit} caracteres",
    "must have at most {limit} characters": "debe tener como máximo {limit} caracteres",
    "must be a finite number": "debe ser un número finito",
    "must be at least {limit}; found {value}": "debe ser al menos {limit}; hay {value}",
    "must be more than {limit}; found {value}": "debe ser mayor que {limit}; hay {value}",
    "must be at most {limit}; found {value}": "debe ser como máximo {limit}; hay {value}",
    "must be less than {limit}; found {value}": "debe ser menor que {limit}; hay {value}",
    "{text} (in {label})": "{text} (en {label})",
    "{count} more problems of the same kinds are not listed one by one; fix those listed and "
    "validate again": (
        "otros {count} problemas del mismo tipo no se enumeran uno por uno; corrija los de la "
        "lista y vuelva a validar"
    ),
    "this questionnaire uses the newer format {marker}; this version of WorkerImpact reads "
    '"{format}". Update WorkerImpact to use it.': (
        "este cuestionario usa el formato más nuevo {marker}; esta versión de WorkerImpact "
        'lee "{format}". Actualice WorkerImpact para usarlo.'
    ),
    "{marker} is not the questionnaire format marker": (
        "{marker} no es la marca de formato de cuestionario"
    ),
    '; write "{format}"': '; escriba "{format}"',
    "a questionnaire is a JSON object with sections and questions; this holds {what}": (
        "un cuestionario es un objeto JSON con secciones y preguntas; esto contiene {what}"
    ),
    "this object holds {count} fields; no object in a questionnaire has more than a few "
    "dozen, so only the first {limit} are checked": (
        "este objeto tiene {count} campos; ningún objeto de un cuestionario tiene más de unas "
        "pocas docenas, así que solo se revisan los primeros {limit}"
    ),
    "this list holds {count} items; at most {limit} are allowed here": (
        "esta lista tiene {count} elementos; aquí se permiten como máximo {limit}"
    ),
    # --- the meaning of a questionnaire -----------------------------------------------
    'section "{id}"': 'la sección "{id}"',
    'question "{id}"': 'la pregunta "{id}"',
    'rule "{id}"': 'la regla "{id}"',
    'adjustment "{id}"': 'el ajuste "{id}"',
    "the questionnaire has {count} questions; the limit is {limit}": (
        "el cuestionario tiene {count} preguntas; el límite es {limit}"
    ),
    "the expressions hold {count} operators in all; the limit is {limit}": (
        "las expresiones tienen {count} operadores en total; el límite es {limit}"
    ),
    "the dimension id {id} is already used (first at {first}); dimension ids must be unique": (
        "el id de dimensión {id} ya se usa (primero en {first}); los ids de dimensión no "
        "pueden repetirse"
    ),
    "the section id {id} is already used (first at {first}); section ids must be unique": (
        "el id de sección {id} ya se usa (primero en {first}); los ids de sección no pueden "
        "repetirse"
    ),
    "the question id {id} is already used (first at {first}); question ids must be unique": (
        "el id de pregunta {id} ya se usa (primero en {first}); los ids de pregunta no "
        "pueden repetirse"
    ),
    "the rule id {id} is already used (first at {first}); rule ids must be unique": (
        "el id de regla {id} ya se usa (primero en {first}); los ids de regla no pueden repetirse"
    ),
    "the adjustment id {id} is already used (first at {first}); adjustment ids must be unique": (
        "el id de ajuste {id} ya se usa (primero en {first}); los ids de ajuste no pueden repetirse"
    ),
    "the option id {option} appears twice in question {question}": (
        "el id de opción {option} aparece dos veces en la pregunta {question}"
    ),
    'dimension "{id}" has no risk or mitigation question; give it questions or remove it': (
        'la dimensión "{id}" no tiene ninguna pregunta de riesgo ni de mitigación; '
        "dele preguntas o quítela"
    ),
    'section "{id}" has no questions': 'la sección "{id}" no tiene preguntas',
    "; declare it under dimensions": "; declárela en dimensions",
    "; known: {names}": "; las conocidas: {names}",
    "unknown dimension {name}{hint}": "dimensión desconocida {name}{hint}",
    "{label} is {type} and needs at least two options": (
        "{label} es de tipo {type} y necesita al menos dos opciones"
    ),
    "{label} is {type}; only choice questions have options": (
        "{label} es de tipo {type}; solo las preguntas de opciones tienen opciones"
    ),
    '{label} is yes_no: its options must be exactly "yes" and "no" (found {found}); use '
    "single_choice for other answers": (
        '{label} es de tipo yes_no: sus opciones deben ser exactamente "yes" y "no" '
        "(hay {found}); use single_choice para otras respuestas"
    ),
    '{label} is {type}, which cannot be scored; make it role "info" (rules can still read '
    "its answer) or a choice question": (
        '{label} es de tipo {type}, que no se puede puntuar; dele el role "info" (las reglas '
        "pueden seguir leyendo su respuesta) o conviértala en una pregunta de opciones"
    ),
    'option "{id}" of {label} needs a "score" because the question is a {role} question': (
        'la opción "{id}" de {label} necesita un "score" porque la pregunta es de tipo {role}'
    ),
    '{label} is scored and needs a "dimension"': (
        '{label} tiene puntuación y necesita una "dimension"'
    ),
    "{label}: only multiple_choice options can be exclusive": (
        "{label}: solo las opciones de multiple_choice pueden ser exclusivas"
    ),
    "{label}: minimum and maximum apply to number questions": (
        "{label}: minimum y maximum solo se aplican a las preguntas de número"
    ),
    "{label}: minimum is above maximum": "{label}: minimum es mayor que maximum",
    "the condition of {owner} is nested {depth} levels deep; the limit is {limit}": (
        "la condición de {owner} tiene {depth} niveles anidados; el límite es {limit}"
    ),
    "the condition of {owner} has {count} parts; the limit is {limit}": (
        "la condición de {owner} tiene {count} partes; el límite es {limit}"
    ),
    "the condition of {owner} must be true or false, not a value": (
        "la condición de {owner} debe ser verdadera o falsa, no un valor"
    ),
    "unknown question {name}": "pregunta desconocida {name}",
    '"in" needs a choice question; "{id}" is {type} (use "compare")': (
        '"in" necesita una pregunta de opciones; "{id}" es de tipo {type} (use "compare")'
    ),
    "question {question} has no option {option}": (
        "la pregunta {question} no tiene la opción {option}"
    ),
    "; its options: {names}": "; sus opciones: {names}",
    "this can never be true: question {question} takes one answer, so it cannot have all of "
    '{options}; use "match": "any"': (
        "esto nunca puede ser verdad: la pregunta {question} admite una sola respuesta, así "
        'que no puede tener todas estas: {options}; use "match": "any"'
    ),
    '"chosen_count" needs a choice question; "{id}" is {type}': (
        '"chosen_count" necesita una pregunta de opciones; "{id}" es de tipo {type}'
    ),
    '"score" needs a scored question; "{id}" is info': (
        '"score" necesita una pregunta con puntuación; "{id}" es de tipo info'
    ),
    '"{op}" combines conditions; this is {kind}, not a condition': (
        '"{op}" combina condiciones; esto es de tipo {kind}, no una condición'
    ),
    '"sum" adds numbers; this is not a number': '"sum" suma números; esto no es un número',
    'a multiple-choice answer is a set; use "in" to test its options': (
        'una respuesta de opción múltiple es un conjunto; use "in" para revisar sus opciones'
    ),
    "{value} is not a date; write YYYY-MM-DD": "{value} no es una fecha; escriba AAAA-MM-DD",
    "; write the number without quotes: {number}": "; escriba el número sin comillas: {number}",
    "this compares {left} with {right}, which never match{hint}": (
        "esto compara un valor de tipo {left} con uno de tipo {right}, que nunca coinciden{hint}"
    ),
    'true/false values can only be compared with "==" or "!="': (
        'los valores true/false solo se pueden comparar con "==" o "!="'
    ),
    # --- skip logic -------------------------------------------------------------------
    "the skip logic of {label} reads {named}, asked later in the questionnaire; skip logic "
    "can only read questions asked before it (a later answer is not known yet). Move the "
    "question earlier or change the condition": (
        "la lógica de salto de {label} lee {named}, que se pregunta más adelante en el "
        "cuestionario; la lógica de salto solo puede leer preguntas anteriores (una respuesta "
        "posterior aún no se conoce). Mueva la pregunta antes o cambie la condición"
    ),
    "… ({count} more) …": "… ({count} más) …",
    "skip logic loops back on itself: {loop}": ("la lógica de salto vuelve sobre sí misma: {loop}"),
    # --- reading a JSON file -----------------------------------------------------------
    "a questionnaire": "un cuestionario",
    "an assessment": "una evaluación",
    "a mapping": "una correspondencia de versiones",
    "a questionnaire file": "un archivo de cuestionario",
    "an assessment file": "un archivo de evaluación",
    "a mapping file": "un archivo de correspondencia de versiones",
    "cannot read the file: {reason}": "no se puede leer el archivo: {reason}",
    "this is a folder, not {what}": "esto es una carpeta, no {what}",
    "this is not a regular file, so not {what}": (
        "esto no es un archivo normal, así que no es {what}"
    ),
    "the file is {size}; {what} may be at most {limit}": (
        "el archivo ocupa {size}; {what} puede ocupar como máximo {limit}"
    ),
    "the data is {size}; {what} may be at most {limit}": (
        "los datos ocupan {size}; {what} puede ocupar como máximo {limit}"
    ),
    "the file is empty; {what} holds a JSON object": (
        "el archivo está vacío; {what} contiene un objeto JSON"
    ),
    "the file is UTF-16 or binary; save it as UTF-8 JSON text": (
        "el archivo está en UTF-16 o es binario; guárdelo como texto JSON en UTF-8"
    ),
    "this is a binary file, not {what} (JSON text)": (
        "esto es un archivo binario, no {what} (texto JSON)"
    ),
    "the file is not UTF-8 text (byte {number} cannot be decoded); save it as UTF-8": (
        "el archivo no es texto UTF-8 (no se puede leer el byte {number}); guárdelo en UTF-8"
    ),
    "the JSON is nested {depth} levels deep; the limit is {limit}": (
        "el JSON tiene {depth} niveles anidados; el límite es {limit}"
    ),
    "the JSON is nested far too deeply; the limit is {limit} levels": (
        "el JSON tiene demasiados niveles anidados; el límite es {limit} niveles"
    ),
    "not valid JSON: {text}": "JSON no válido: {text}",
    "the text holds an escape such as \\ud800 that is half of a character pair and not a "
    "character on its own; remove it": (
        "el texto tiene un código como \\ud800, que es la mitad de un par de caracteres y no "
        "un carácter por sí solo; quítelo"
    ),
    "the key {key} appears more than once": "la clave {key} aparece más de una vez",
    "line {line}, column {column}": "línea {line}, columna {column}",
    "line {line}": "línea {line}",
    # --- new, identity, trust, countersign, upgrade ------------------------------------
    "wrote {path}: {questionnaires} ({count} questions), id {id}": (
        "se escribió {path}: {questionnaires} ({count} preguntas), id {id}"
    ),
    "you sign as: {holder}": "usted firma como: {holder}",
    "role: {role}": "función: {role}",
    "fingerprint (read aloud): {fingerprint}": "huella (para leer en voz alta): {fingerprint}",
    "full fingerprint: {fingerprint}": "huella completa: {fingerprint}",
    "you have no signing identity yet: it is created on your first export, or with "
    "`workerimpact identity create --name NAME --organization ORG --role ROLE`": (
        "aún no tiene una identidad de firma: se crea en su primera exportación, o con "
        "`workerimpact identity create --name NOMBRE --organization ORGANIZACIÓN --role FUNCIÓN`"
    ),
    "no backup of a signing identity is here (a backup made after your first export holds one)": (
        "aquí no hay ninguna copia de seguridad de una identidad de firma (la tiene una copia "
        "hecha después de su primera exportación)"
    ),
    "the backup holds no usable key and certificate": (
        "la copia de seguridad no tiene una clave y un certificado que se puedan usar"
    ),
    "restored your signing identity from the library's backups": (
        "se restauró su identidad de firma desde las copias de seguridad de la biblioteca"
    ),
    "you already have a signing identity; statements signed with it would no longer be "
    "yours. Add --replace to replace it (export it first to keep a copy)": (
        "usted ya tiene una identidad de firma; las declaraciones firmadas con ella dejarían "
        "de ser suyas. Agregue --replace para reemplazarla (antes expórtela para guardar una "
        "copia)"
    ),
    "password of the .p12 file: ": "contraseña del archivo .p12: ",
    "you have no signing identity to export yet": (
        "aún no tiene una identidad de firma para exportar"
    ),
    "password to protect the file: ": "contraseña para proteger el archivo: ",
    "wrote {path}: your key and certificate, protected by the password": (
        "se escribió {path}: su clave y su certificado, protegidos con la contraseña"
    ),
    "the fingerprint must be at least 32 hexadecimal digits": (
        "la huella debe tener al menos 32 dígitos hexadecimales"
    ),
    "trusted: {who} — {fingerprint}": "de confianza: {who} — {fingerprint}",
    "none": "ninguna",
    "no certificate here has the fingerprint you gave (found: {found}); check it again with "
    "its holder": (
        "ningún certificado de aquí tiene la huella que indicó (hay: {found}); vuelva a "
        "revisarla con su titular"
    ),
    "you trust no certificates yet (add one with `workerimpact trust add`)": (
        "aún no confía en ningún certificado (agregue uno con `workerimpact trust add`)"
    ),
    "(since {date})": "(desde {date})",
    "no trusted certificate has the fingerprint {fingerprint}": (
        "ningún certificado de confianza tiene la huella {fingerprint}"
    ),
    "no longer trusted: {name}": "ya no es de confianza: {name}",
    "give -o FILE: where to write the upgraded assessment": (
        "indique -o ARCHIVO: dónde escribir la evaluación actualizada"
    ),
    "new revision {id} in the library": "nueva revisión {id} en la biblioteca",
    "wrote {path} (id {id})": "se escribió {path} (id {id})",
    "{count} earlier answers carried over as they were.": (
        "Respuestas anteriores que se conservaron tal como estaban: {count}."
    ),
    "{count} questions need a new answer:": "Preguntas que necesitan una nueva respuesta: {count}",
    "earlier answer: {answer}": "respuesta anterior: {answer}",
    "{count} new questions to answer.": "Preguntas nuevas por responder: {count}.",
    # --- translations in a questionnaire ------------------------------------------------
    "English": "inglés",
    "Spanish": "español",
    "French": "francés",
    "Portuguese": "portugués",
    "German": "alemán",
    "Italian": "italiano",
    "Chinese": "chino",
    "Vietnamese": "vietnamita",
    "Tagalog": "tagalo",
    "Arabic": "árabe",
    "Korean": "coreano",
    "Haitian Creole": "criollo haitiano",
    "Russian": "ruso",
    "Polish": "polaco",
    "Hindi": "hindi",
    "Japanese": "japonés",
    "the questionnaire": "el cuestionario",
    "level rule {id}": "la regla de nivel {id}",
    "option {option} of question {question}": "la opción {option} de la pregunta {question}",
    "{word} in stage {stage}": "{word} en la etapa {stage}",
    'translations into {name}, the questionnaire\'s own language ("language": {own}), are '
    "not used: write the text in the fields themselves": (
        'las traducciones al {name}, el idioma propio del cuestionario ("language": {own}), '
        "no se usan: escriba el texto en los propios campos"
    ),
    "{key} names no text of this questionnaire": (
        "{key} no corresponde a ningún texto de este cuestionario"
    ),
    "the {name} {field} of {owner} has {count} characters; at most {limit} are allowed": (
        "el {field} en {name} de {owner} tiene {count} caracteres; se permiten como máximo {limit}"
    ),
    "{owner} has no {name} text for its {field} (add {key})": (
        "{owner} no tiene texto en {name} para su {field} (agregue {key})"
    ),
    '{count} more strings have no {name} text; a language given in "translations" needs '
    "every string of the file": (
        "otros {count} textos no tienen versión en {name}; un idioma indicado en "
        '"translations" necesita todos los textos del archivo'
    ),
}
