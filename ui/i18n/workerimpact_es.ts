<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;New assessment…</source>
        <translation>&amp;Nueva evaluación…</translation>
    </message>
    <message>
        <source>Start an assessment from questionnaires</source>
        <translation>Empezar una evaluación a partir de cuestionarios</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Abrir archivo…</translation>
    </message>
    <message>
        <source>Open an assessment file or a report PDF (it is added to the library)</source>
        <translation>Abrir un archivo de evaluación o un informe PDF (se agrega a la biblioteca)</translation>
    </message>
    <message>
        <source>&amp;Install questionnaire…</source>
        <translation>&amp;Instalar cuestionario…</translation>
    </message>
    <message>
        <source>Check a custom questionnaire file and offer it in New assessment</source>
        <translation>Revisar un archivo de cuestionario propio y ofrecerlo en Nueva evaluación</translation>
    </message>
    <message>
        <source>&amp;Export PDF report…</source>
        <translation>&amp;Exportar informe PDF…</translation>
    </message>
    <message>
        <source>Write the impact statement as a PDF</source>
        <translation>Guardar la declaración de impacto como PDF</translation>
    </message>
    <message>
        <source>Export as &amp;web page, Word or spreadsheet…</source>
        <translation>Exportar como página &amp;web, Word u hoja de cálculo…</translation>
    </message>
    <message>
        <source>Write the statement as an accessible web page, an editable Word copy, or spreadsheets of the answers and findings</source>
        <translation>Guardar la declaración como página web accesible, como copia editable de Word o como hojas de cálculo de las respuestas y los hallazgos</translation>
    </message>
    <message>
        <source>Export assessment &amp;file…</source>
        <translation>Exportar arc&amp;hivo de evaluación…</translation>
    </message>
    <message>
        <source>Save the assessment as a portable JSON file</source>
        <translation>Guardar la evaluación como archivo JSON portátil</translation>
    </message>
    <message>
        <source>Coun&amp;tersign a statement…</source>
        <translation>&amp;Firmar como recibida una declaración…</translation>
    </message>
    <message>
        <source>Add your signature to a statement you received, acknowledging receipt</source>
        <translation>Agregar su firma a una declaración que recibió, como acuse de recibo</translation>
    </message>
    <message>
        <source>&amp;Close assessment</source>
        <translation>&amp;Cerrar evaluación</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Volver a la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Confi&amp;guración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search the library, or find a question in the open assessment</source>
        <translation>Buscar en la biblioteca o buscar una pregunta en la evaluación abierta</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Biblioteca</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Preguntas</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <source>&amp;Comparison</source>
        <translation>&amp;Comparación</translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation>Sección &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation>Sección &amp;anterior</translation>
    </message>
    <message>
        <source>Next &amp;unanswered required question</source>
        <translation>Siguiente pregunta &amp;obligatoria sin respuesta</translation>
    </message>
    <message>
        <source>Assessment d&amp;etails…</source>
        <translation>&amp;Datos de la evaluación…</translation>
    </message>
    <message>
        <source>Mark as in &amp;review</source>
        <translation>Marcar como en &amp;revisión</translation>
    </message>
    <message>
        <source>Mark as &amp;final…</source>
        <translation>Marcar como &amp;final…</translation>
    </message>
    <message>
        <source>Back to &amp;draft</source>
        <translation>Volver a &amp;borrador</translation>
    </message>
    <message>
        <source>Start a new re&amp;vision</source>
        <translation>Empezar una nueva re&amp;visión</translation>
    </message>
    <message>
        <source>Copy this assessment into a new draft that can be edited</source>
        <translation>Copiar esta evaluación en un nuevo borrador que se puede editar</translation>
    </message>
    <message>
        <source>Move to &amp;newer questionnaires…</source>
        <translation>Pasar a cuestionarios más &amp;nuevos…</translation>
    </message>
    <message>
        <source>Start a new revision on the newer built-in questionnaires, carrying answers over</source>
        <translation>Empezar una nueva revisión con los cuestionarios incluidos más nuevos, pasando las respuestas</translation>
    </message>
    <message>
        <source>Com&amp;pare with…</source>
        <translation>Com&amp;parar con…</translation>
    </message>
    <message>
        <source>Compare with another assessment: levels, findings and answers that differ</source>
        <translation>Comparar con otra evaluación: niveles, hallazgos y respuestas que difieren</translation>
    </message>
    <message>
        <source>D&amp;uplicate as new revision</source>
        <translation>D&amp;uplicar como nueva revisión</translation>
    </message>
    <message>
        <source>Copy the selected assessment into a new draft</source>
        <translation>Copiar la evaluación seleccionada en un nuevo borrador</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Eli&amp;minar</translation>
    </message>
    <message>
        <source>Move the selected assessment to the trash (can be undone)</source>
        <translation>Mover la evaluación seleccionada a la papelera (se puede deshacer)</translation>
    </message>
    <message>
        <source>Show &amp;trash</source>
        <translation>Mostrar pape&amp;lera</translation>
    </message>
    <message>
        <source>Show deleted assessments, to restore them</source>
        <translation>Mostrar las evaluaciones eliminadas, para restaurarlas</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Hacer copia de &amp;seguridad ahora</translation>
    </message>
    <message>
        <source>Save a copy of the whole library</source>
        <translation>Guardar una copia de toda la biblioteca</translation>
    </message>
    <message>
        <source>Review as &amp;workers&apos; representatives…</source>
        <translation>Revisar como representantes de los &amp;trabajadores…</translation>
    </message>
    <message>
        <source>Your position on each finding, concerns it missed, your opinion</source>
        <translation>Su posición sobre cada hallazgo, las preocupaciones que faltan, su opinión</translation>
    </message>
    <message>
        <source>Export re&amp;view file…</source>
        <translation>Exportar archivo de re&amp;visión…</translation>
    </message>
    <message>
        <source>The review as a PDF with the review attached, for the employer</source>
        <translation>La revisión como PDF con el archivo de revisión adjunto, para el empleador</translation>
    </message>
    <message>
        <source>Import &amp;review file…</source>
        <translation>Importar archivo de &amp;revisión…</translation>
    </message>
    <message>
        <source>Attach the workers&apos; representatives&apos; review file to its assessment</source>
        <translation>Adjuntar a su evaluación el archivo de revisión de los representantes de los trabajadores</translation>
    </message>
    <message>
        <source>Response and &amp;action plan…</source>
        <translation>Respuesta y plan de &amp;acción…</translation>
    </message>
    <message>
        <source>Answer each finding and concern with measures; decide; set the next review</source>
        <translation>Responder a cada hallazgo y preocupación con medidas; decidir; fijar la próxima revisión</translation>
    </message>
    <message>
        <source>Export &amp;joint statement…</source>
        <translation>Exportar declaración con&amp;junta…</translation>
    </message>
    <message>
        <source>Both parties&apos; positions, the measures and the decision, to be signed by both</source>
        <translation>Las posiciones de las dos partes, las medidas y la decisión, para que ambas la firmen</translation>
    </message>
    <message>
        <source>&amp;About WorkerImpact</source>
        <translation>&amp;Acerca de WorkerImpact</translation>
    </message>
    <message>
        <source>Revision %d · %s</source>
        <translation>Revisión %d · %s</translation>
    </message>
    <message>
        <source>Last change %s</source>
        <translation>Último cambio: %s</translation>
    </message>
    <message>
        <source>This assessment</source>
        <translation>Esta evaluación</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Comparada con</translation>
    </message>
    <message>
        <source>%d level differs</source>
        <translation>%d nivel difiere</translation>
    </message>
    <message>
        <source>%d levels differ</source>
        <translation>%d niveles difieren</translation>
    </message>
    <message>
        <source>%d finding in only one</source>
        <translation>%d hallazgo en solo una</translation>
    </message>
    <message>
        <source>%d findings in only one</source>
        <translation>%d hallazgos en solo una</translation>
    </message>
    <message>
        <source>%d question answered differently</source>
        <translation>%d pregunta respondida de otra forma</translation>
    </message>
    <message>
        <source>%d questions answered differently</source>
        <translation>%d preguntas respondidas de otra forma</translation>
    </message>
    <message>
        <source>Levels (%d of %d differ)</source>
        <translation>Niveles (%d de %d difieren)</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <source>Findings only in this assessment (%d)</source>
        <translation>Hallazgos solo en esta evaluación (%d)</translation>
    </message>
    <message>
        <source>Findings only in the other assessment, %s (%d)</source>
        <translation>Hallazgos solo en la otra evaluación, %s (%d)</translation>
    </message>
    <message>
        <source>Findings in both (%d)</source>
        <translation>Hallazgos en las dos (%d)</translation>
    </message>
    <message>
        <source>Questions answered differently (%d)</source>
        <translation>Preguntas respondidas de otra forma (%d)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Used by only one of the two, so not compared: %s</source>
        <translation>Usado solo por una de las dos, así que no se compara: %s</translation>
    </message>
    <message>
        <source>%d of %d shown questions answered.</source>
        <translation>Se respondieron %d de las %d preguntas que se muestran.</translation>
    </message>
    <message>
        <source>Score %s out of 100. </source>
        <translation>Puntuación: %s de 100. </translation>
    </message>
    <message>
        <source>Raised to this level by the findings: %s.</source>
        <translation>Subió a este nivel por los hallazgos: %s.</translation>
    </message>
    <message>
        <source>Every level is provisional: %d of %d questions the levels rest on are answered.</source>
        <translation>Todos los niveles son provisionales: se respondieron %d de las %d preguntas en las que se basan.</translation>
    </message>
</context>
<context>
    <name>AssessmentOperations</name>
    <message>
        <source>A final assessment can no longer be changed; a new revision can.</source>
        <translation>Una evaluación final ya no se puede cambiar; una nueva revisión sí.</translation>
    </message>
    <message>
        <source>%d required question is still unanswered.</source>
        <translation>Todavía falta responder %d pregunta obligatoria.</translation>
    </message>
    <message>
        <source>%d required questions are still unanswered.</source>
        <translation>Todavía falta responder %d preguntas obligatorias.</translation>
    </message>
    <message>
        <source>Mark as final?</source>
        <translation>¿Marcar como final?</translation>
    </message>
    <message>
        <source>Move to newer questionnaires?</source>
        <translation>¿Pasar a cuestionarios más nuevos?</translation>
    </message>
    <message>
        <source>A new revision is made on the newer questionnaires (%s), with every answer the published mapping can carry over. This assessment stays as it is.</source>
        <translation>Se hace una nueva revisión con los cuestionarios más nuevos (%s), con todas las respuestas que la correspondencia publicada permite pasar. Esta evaluación queda como está.</translation>
    </message>
    <message>
        <source>Moved to newer questionnaires</source>
        <translation>Se pasó a cuestionarios más nuevos</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Preguntas</translation>
    </message>
    <message>
        <source>Res&amp;ults</source>
        <translation>Resulta&amp;dos</translation>
    </message>
    <message>
        <source>Com&amp;parison</source>
        <translation>Co&amp;mparación</translation>
    </message>
    <message>
        <source> · revision %d</source>
        <translation> · revisión %d</translation>
    </message>
    <message>
        <source>Status: %s</source>
        <translation>Estado: %s</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparar con…</translation>
    </message>
    <message>
        <source>Compare “%s” (%s, revision %d) with:</source>
        <translation>Comparar «%s» (%s, revisión %d) con:</translation>
    </message>
    <message>
        <source>this assessment</source>
        <translation>esta evaluación</translation>
    </message>
    <message>
        <source>&amp;Assessments in the library:</source>
        <translation>&amp;Evaluaciones en la biblioteca:</translation>
    </message>
    <message>
        <source>Assessments to compare with</source>
        <translation>Evaluaciones con las que comparar</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>AI system</source>
        <translation>Sistema de IA</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>unnamed assessor</source>
        <translation>evaluador sin nombre</translation>
    </message>
    <message>
        <source> · rev. %d</source>
        <translation> · rev. %d</translation>
    </message>
    <message>
        <source>Original of this one</source>
        <translation>Original de esta</translation>
    </message>
    <message>
        <source>Made from this one</source>
        <translation>Hecha a partir de esta</translation>
    </message>
    <message>
        <source>Same revision chain</source>
        <translation>Misma serie de revisiones</translation>
    </message>
    <message>
        <source>Same system</source>
        <translation>Mismo sistema</translation>
    </message>
</context>
<context>
    <name>CompareOperations</name>
    <message>
        <source>Select the assessment to compare first.</source>
        <translation>Primero seleccione la evaluación que quiere comparar.</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Leyendo la biblioteca…</translation>
    </message>
    <message>
        <source>Nothing to compare with</source>
        <translation>No hay nada con qué comparar</translation>
    </message>
    <message>
        <source>This is the only assessment in the library. Open the other one first (File → Open file… takes an assessment file or a report PDF).</source>
        <translation>Esta es la única evaluación de la biblioteca. Primero abra la otra (Archivo → Abrir archivo… acepta un archivo de evaluación o un informe PDF).</translation>
    </message>
    <message>
        <source>This is your own copy. Assessment → Compare with… shows how it differs from the original.</source>
        <translation>Esta es su propia copia. Evaluación → Comparar con… muestra en qué difiere del original.</translation>
    </message>
    <message>
        <source>Making your own copy…</source>
        <translation>Haciendo su propia copia…</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare &amp;with…</source>
        <translation>Comparar c&amp;on…</translation>
    </message>
    <message>
        <source>Choose the assessment to compare this one with</source>
        <translation>Elija la evaluación con la que comparar esta</translation>
    </message>
    <message>
        <source>Comparison of the two assessments</source>
        <translation>Comparación de las dos evaluaciones</translation>
    </message>
    <message>
        <source>Compare this assessment with another one in the library.</source>
        <translation>Compare esta evaluación con otra de la biblioteca.</translation>
    </message>
    <message>
        <source>See, side by side, where two assessments of the same system differ: the levels, the findings only one of them has, and every question answered differently, with both answers and comments.</source>
        <translation>Vea, lado a lado, en qué difieren dos evaluaciones del mismo sistema: los niveles, los hallazgos que solo tiene una de ellas y cada pregunta respondida de otra forma, con las dos respuestas y sus comentarios.</translation>
    </message>
    <message>
        <source>A union representative can work on their own copy of management&apos;s assessment (it is offered when you open their report or file) and compare the two here.</source>
        <translation>Un representante sindical puede trabajar en su propia copia de la evaluación de la gerencia (se ofrece al abrir su informe o su archivo) y comparar las dos aquí.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparando…</translation>
    </message>
    <message>
        <source>Compared with %s.</source>
        <translation>Comparada con %s.</translation>
    </message>
    <message>
        <source>%d level differs</source>
        <translation>%d nivel difiere</translation>
    </message>
    <message>
        <source>%d levels differ</source>
        <translation>%d niveles difieren</translation>
    </message>
    <message>
        <source>%d answer differs.</source>
        <translation>%d respuesta difiere.</translation>
    </message>
    <message>
        <source>%d answers differ.</source>
        <translation>%d respuestas difieren.</translation>
    </message>
    <message>
        <source>Comparison ready.</source>
        <translation>Comparación lista.</translation>
    </message>
    <message>
        <source>Unnamed assessor</source>
        <translation>Evaluador sin nombre</translation>
    </message>
    <message>
        <source>Revision %d · %s</source>
        <translation>Revisión %d · %s</translation>
    </message>
    <message>
        <source>Last change %s</source>
        <translation>Último cambio: %s</translation>
    </message>
    <message>
        <source>not in this version</source>
        <translation>no está en esta versión</translation>
    </message>
    <message>
        <source>(does not apply: an earlier answer leaves it out)</source>
        <translation>(no corresponde: una respuesta anterior la deja fuera)</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <source>(not in this version of the questionnaire)</source>
        <translation>(no está en esta versión del cuestionario)</translation>
    </message>
    <message>
        <source>This assessment</source>
        <translation>Esta evaluación</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Comparada con</translation>
    </message>
    <message>
        <source>%d finding in only one</source>
        <translation>%d hallazgo en solo una</translation>
    </message>
    <message>
        <source>%d findings in only one</source>
        <translation>%d hallazgos en solo una</translation>
    </message>
    <message>
        <source>%d question answered differently</source>
        <translation>%d pregunta respondida de otra forma</translation>
    </message>
    <message>
        <source>%d questions answered differently</source>
        <translation>%d preguntas respondidas de otra forma</translation>
    </message>
    <message>
        <source>Levels (%d of %d differ)</source>
        <translation>Niveles (%d de %d difieren)</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <source>Findings only in this assessment (%d)</source>
        <translation>Hallazgos solo en esta evaluación (%d)</translation>
    </message>
    <message>
        <source>Findings only in the other assessment, %s (%d)</source>
        <translation>Hallazgos solo en la otra evaluación, %s (%d)</translation>
    </message>
    <message>
        <source>Findings in both (%d)</source>
        <translation>Hallazgos en las dos (%d)</translation>
    </message>
    <message>
        <source>Questions answered differently (%d)</source>
        <translation>Preguntas respondidas de otra forma (%d)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Difiere</translation>
    </message>
    <message>
        <source>Every question is answered the same way.</source>
        <translation>Todas las preguntas tienen la misma respuesta.</translation>
    </message>
    <message>
        <source>Each question opens in this assessment.</source>
        <translation>Cada pregunta se abre en esta evaluación.</translation>
    </message>
    <message>
        <source>Go to:</source>
        <translation>Ir a:</translation>
    </message>
    <message>
        <source>Used by only one of the two, so not compared: %s</source>
        <translation>Usado solo por una de las dos, así que no se compara: %s</translation>
    </message>
</context>
<context>
    <name>ConsultationHistory</name>
    <message>
        <source>not named</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>%s: %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>%s: %s → %s</source>
        <translation>%s: %s → %s</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
</context>
<context>
    <name>Countersign</name>
    <message>
        <source>Countersign a statement</source>
        <translation>Firmar como recibida una declaración</translation>
    </message>
    <message>
        <source>PDF statements (*.pdf)</source>
        <translation>Declaraciones PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%s is a review file of the workers&apos; representatives: only they sign it. To take their review in, use File → Import review file…</source>
        <translation>%s es un archivo de revisión de los representantes de los trabajadores: solo ellos lo firman. Para recibir su revisión, use Archivo → Importar archivo de revisión…</translation>
    </message>
    <message>
        <source>Save the countersigned statement</source>
        <translation>Guardar la declaración firmada como recibida</translation>
    </message>
    <message>
        <source>%s now carries the signatures of both parties:
%s</source>
        <translation>%s ahora lleva las firmas de las dos partes:
%s</translation>
    </message>
    <message>
        <source>Joint statement signed</source>
        <translation>Declaración conjunta firmada</translation>
    </message>
    <message>
        <source>Statement countersigned</source>
        <translation>Declaración firmada como recibida</translation>
    </message>
    <message>
        <source>%s now carries your signature, acknowledging that you received and read it (not that you agree with it):
%s</source>
        <translation>%s ahora lleva su firma, que dice que usted la recibió y la leyó (no que esté de acuerdo con ella):
%s</translation>
    </message>
    <message>
        <source>Countersigning %s…</source>
        <translation>Firmando %s como recibida…</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Not set (YYYY-MM-DD)</source>
        <translation>Sin fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
    <message>
        <source>Choose the date from a calendar</source>
        <translation>Elegir la fecha en un calendario</translation>
    </message>
    <message>
        <source>Choose the date from a calendar (Alt+Down)</source>
        <translation>Elegir la fecha en un calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Type a date as YYYY-MM-DD, such as 2024-03-01.</source>
        <translation>Escriba la fecha como AAAA-MM-DD, por ejemplo 2024-03-01.</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Assessment details</source>
        <translation>Datos de la evaluación</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Not saved: the answer %s.</source>
        <translation>No se guardó: la respuesta %s.</translation>
    </message>
    <message>
        <source>Not saved: %s.</source>
        <translation>No se guardó: %s.</translation>
    </message>
    <message>
        <source>Find a question…</source>
        <translation>Buscar una pregunta…</translation>
    </message>
    <message>
        <source>Find a question</source>
        <translation>Buscar una pregunta</translation>
    </message>
    <message>
        <source>“%s” does not apply because of an earlier answer in this section.</source>
        <translation>«%s» no corresponde por una respuesta anterior de esta sección.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Entry not added</source>
        <translation>Entrada no agregada</translation>
    </message>
    <message>
        <source>What you were typing in “%s” could not be added:
%s

Close and lose it?</source>
        <translation>Lo que escribía en «%s» no se pudo agregar:
%s

¿Cerrar y perderlo?</translation>
    </message>
</context>
<context>
    <name>ExportOperations</name>
    <message>
        <source>PDF, %s (*.pdf)</source>
        <translation>PDF, %s (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>Exportar informe PDF</translation>
    </message>
    <message>
        <source>Exporting %p%</source>
        <translation>Exportando %p%</translation>
    </message>
    <message>
        <source>Exported %s (%d pages)</source>
        <translation>Se exportó %s (%d páginas)</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Informe exportado</translation>
    </message>
    <message>
        <source>&lt;b&gt;The report is ready.&lt;/b&gt;</source>
        <translation>&lt;b&gt;El informe está listo.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%s
%d pages.</source>
        <translation>%s
%d páginas.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Abri&amp;r</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>Web page, accessible, %s (*.html)</source>
        <translation>Página web accesible, %s (*.html)</translation>
    </message>
    <message>
        <source>Word document, editable copy, %s (*.docx)</source>
        <translation>Documento de Word, copia editable, %s (*.docx)</translation>
    </message>
    <message>
        <source>Spreadsheets of answers and findings, %s (*.csv)</source>
        <translation>Hojas de cálculo de respuestas y hallazgos, %s (*.csv)</translation>
    </message>
    <message>
        <source>Export as web page, Word or spreadsheet</source>
        <translation>Exportar como página web, Word u hoja de cálculo</translation>
    </message>
    <message>
        <source>Exported %s</source>
        <translation>Se exportó %s</translation>
    </message>
    <message>
        <source>Export assessment file</source>
        <translation>Exportar archivo de evaluación</translation>
    </message>
    <message>
        <source>Assessment files (*.json)</source>
        <translation>Archivos de evaluación (*.json)</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Se guardó %s</translation>
    </message>
</context>
<context>
    <name>Faults</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Your answers saved so far are safe. If it happens again, please report it with the details below.</source>
        <translation>Las respuestas guardadas hasta ahora están a salvo. Si vuelve a pasar, infórmelo con los detalles de abajo.</translation>
    </message>
    <message>
        <source>The file or value could not be used</source>
        <translation>No se pudo usar el archivo o el valor</translation>
    </message>
    <message>
        <source>Correct each problem listed (its place comes first), then try again.</source>
        <translation>Corrija cada problema de la lista (primero va el lugar) e intente de nuevo.</translation>
    </message>
    <message>
        <source>The library is in use</source>
        <translation>La biblioteca está en uso</translation>
    </message>
    <message>
        <source>Another WorkerImpact window, or another program, has the library open.</source>
        <translation>Otra ventana de WorkerImpact, u otro programa, tiene la biblioteca abierta.</translation>
    </message>
    <message>
        <source>Close the other window and choose Retry, or open the library read-only.</source>
        <translation>Cierre la otra ventana y elija Reintentar, o abra la biblioteca en solo lectura.</translation>
    </message>
    <message>
        <source>Free some space (empty the trash, remove old backups or other files), then choose Retry. What you typed is still in the window.</source>
        <translation>Libere espacio (vacíe la papelera, borre copias de seguridad viejas u otros archivos) y elija Reintentar. Lo que escribió sigue en la ventana.</translation>
    </message>
    <message>
        <source>This assessment is damaged</source>
        <translation>Esta evaluación está dañada</translation>
    </message>
    <message>
        <source>Choose a backup below to restore the library as it was then (the current library is kept in backups/replaced/), or cancel to keep working with the other assessments.</source>
        <translation>Elija abajo una copia de seguridad para restaurar la biblioteca como estaba entonces (la biblioteca actual se guarda en backups/replaced/), o cancele para seguir trabajando con las demás evaluaciones.</translation>
    </message>
    <message>
        <source>The library file is damaged</source>
        <translation>El archivo de la biblioteca está dañado</translation>
    </message>
    <message>
        <source>WorkerImpact cannot read its library safely.</source>
        <translation>WorkerImpact no puede leer su biblioteca de forma segura.</translation>
    </message>
    <message>
        <source>Restore one of the backups listed below. Nothing is overwritten until you choose one.</source>
        <translation>Restaure una de las copias de seguridad de la lista de abajo. No se sobrescribe nada hasta que elija una.</translation>
    </message>
    <message>
        <source>The library is from a newer WorkerImpact</source>
        <translation>La biblioteca es de una versión más nueva de WorkerImpact</translation>
    </message>
    <message>
        <source>It was written by a newer version of WorkerImpact, which this one cannot read.</source>
        <translation>La escribió una versión más nueva de WorkerImpact, que esta no puede leer.</translation>
    </message>
    <message>
        <source>Update WorkerImpact to open it. Nothing has been changed.</source>
        <translation>Actualice WorkerImpact para abrirla. No se cambió nada.</translation>
    </message>
    <message>
        <source>The library is read-only</source>
        <translation>La biblioteca es de solo lectura</translation>
    </message>
    <message>
        <source>You can still read and export assessments. To edit, make the data folder writable (Settings shows where it is) and restart WorkerImpact.</source>
        <translation>Todavía puede leer y exportar evaluaciones. Para editar, permita escribir en la carpeta de datos (Configuración muestra dónde está) y vuelva a abrir WorkerImpact.</translation>
    </message>
    <message>
        <source>This assessment is final</source>
        <translation>Esta evaluación es final</translation>
    </message>
    <message>
        <source>A final assessment cannot be changed.</source>
        <translation>Una evaluación final no se puede cambiar.</translation>
    </message>
    <message>
        <source>Choose Assessment → Start a new revision to continue from a copy.</source>
        <translation>Elija Evaluación → Empezar una nueva revisión para seguir a partir de una copia.</translation>
    </message>
    <message>
        <source>The assessment is not in the library</source>
        <translation>La evaluación no está en la biblioteca</translation>
    </message>
    <message>
        <source>It may have been deleted.</source>
        <translation>Puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>Look in the trash (Assessment → Show trash) to restore it.</source>
        <translation>Búsquela en la papelera (Evaluación → Mostrar papelera) para restaurarla.</translation>
    </message>
    <message>
        <source>A file could not be read or written</source>
        <translation>No se pudo leer o escribir un archivo</translation>
    </message>
    <message>
        <source>Check the file exists, that you may read it, and that the disk has space.</source>
        <translation>Compruebe que el archivo existe, que tiene permiso para leerlo y que hay espacio en el disco.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>El disco está lleno</translation>
    </message>
    <message>
        <source>Disk problem</source>
        <translation>Problema con el disco</translation>
    </message>
    <message>
        <source>The last change could not be saved because there is no space left.</source>
        <translation>No se pudo guardar el último cambio porque no queda espacio.</translation>
    </message>
    <message>
        <source>Changes cannot be saved: %s</source>
        <translation>No se pueden guardar los cambios: %s</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to WorkerImpact</source>
        <translation>Bienvenido a WorkerImpact</translation>
    </message>
    <message>
        <source>1. Answer questionnaires on how an AI system at work affects workers: surveillance, job quality, health and safety.</source>
        <translation>1. Responda cuestionarios sobre cómo afecta a los trabajadores un sistema de IA en el trabajo: vigilancia, calidad del empleo, salud y seguridad.</translation>
    </message>
    <message>
        <source>2. See the risk level and the findings update as you answer, each explained by the answers behind it.</source>
        <translation>2. Vea cómo cambian el nivel de riesgo y los hallazgos mientras responde, cada uno explicado por las respuestas en que se basa.</translation>
    </message>
    <message>
        <source>3. Export a tamper-evident PDF impact statement to share with management, the union or a regulator.</source>
        <translation>3. Exporte una declaración de impacto en PDF que muestra cualquier alteración, para compartirla con la gerencia, el sindicato o una autoridad.</translation>
    </message>
    <message>
        <source>&amp;Start an assessment</source>
        <translation>E&amp;mpezar una evaluación</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>Abri&amp;r un archivo…</translation>
    </message>
    <message>
        <source>An assessment file or a WorkerImpact report PDF</source>
        <translation>Un archivo de evaluación o un informe PDF de WorkerImpact</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Answers are saved as you give them.</source>
        <translation>Todo se queda en esta computadora. Las respuestas se guardan a medida que las da.</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>Guidance for the focused question</source>
        <translation>Orientación sobre la pregunta seleccionada</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <source>Move to a question to see what a good answer looks like and where the question comes from.</source>
        <translation>Vaya a una pregunta para ver cómo es una buena respuesta y de dónde viene la pregunta.</translation>
    </message>
    <message>
        <source>adds to risk</source>
        <translation>suma riesgo</translation>
    </message>
    <message>
        <source>shows protection</source>
        <translation>muestra protección</translation>
    </message>
    <message>
        <source>Counts toward %s (%s).</source>
        <translation>Cuenta para %s (%s).</translation>
    </message>
    <message>
        <source>This question has no guidance.</source>
        <translation>Esta pregunta no tiene orientación.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the review</source>
        <translation>Historial de la revisión</translation>
    </message>
    <message>
        <source>History of the response</source>
        <translation>Historial de la respuesta</translation>
    </message>
    <message>
        <source>Every change saved, newest first: when, by whom, which entry, and the value before and after. Typing in one field is kept as one change.</source>
        <translation>Cada cambio guardado, del más reciente al más antiguo: cuándo, quién, en qué apartado y el valor antes y después. Lo escrito de seguido en un campo cuenta como un solo cambio.</translation>
    </message>
    <message>
        <source>No change has been recorded yet.</source>
        <translation>Todavía no hay ningún cambio registrado.</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>New signing identity</source>
        <translation>Nueva identidad de firma</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>Statements you export are signed. Who signs them? A key and a certificate naming you are made once and kept in your data folder.</source>
        <translation>Las declaraciones que exporta van firmadas. ¿Quién las firma? Se crean una sola vez una clave y un certificado con su nombre, y se guardan en su carpeta de datos.</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Firma</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove: %s</source>
        <translation>Quitar: %s</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Not yet assessed</source>
        <translation>Aún sin evaluar</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>delete “%s”</source>
        <translation>eliminar «%s»</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <source>Assessment actions</source>
        <translation>Acciones de la evaluación</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Re&amp;staurar</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Abri&amp;r</translation>
    </message>
    <message>
        <source>Com&amp;pare with…</source>
        <translation>Com&amp;parar con…</translation>
    </message>
    <message>
        <source>D&amp;uplicate as new revision</source>
        <translation>&amp;Duplicar como nueva revisión</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Eli&amp;minar</translation>
    </message>
    <message>
        <source>Moved “%s” to the trash.</source>
        <translation>Se movió «%s» a la papelera.</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>¿Vaciar la papelera?</translation>
    </message>
    <message>
        <source>The assessment in the trash will be deleted for good.</source>
        <translation>La evaluación de la papelera se eliminará para siempre.</translation>
    </message>
    <message>
        <source>The %d assessments in the trash will be deleted for good.</source>
        <translation>Las %d evaluaciones de la papelera se eliminarán para siempre.</translation>
    </message>
    <message>
        <source>Backups made before now still hold them.</source>
        <translation>Las copias de seguridad hechas antes todavía las guardan.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>AI system</source>
        <translation>Sistema de IA</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Evaluada por</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source> · rev. %d</source>
        <translation> · rev. %d</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <source>%d%% (%d of %d)</source>
        <translation>%d%% (%d de %d)</translation>
    </message>
    <message>
        <source>%d required missing</source>
        <translation>faltan %d obligatorias</translation>
    </message>
    <message>
        <source>1 measure overdue</source>
        <translation>1 medida vencida</translation>
    </message>
    <message>
        <source>%1 measures overdue</source>
        <translation>%1 medidas vencidas</translation>
    </message>
    <message>
        <source>review due</source>
        <translation>revisión pendiente</translation>
    </message>
    <message>
        <source>Created %s</source>
        <translation>Creada el %s</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Organization, site, system, vendor…</source>
        <translation>Organización, lugar, sistema, proveedor…</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>Nive&amp;l:</translation>
    </message>
    <message>
        <source>Show t&amp;rash</source>
        <translation>M&amp;ostrar papelera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Abri&amp;r</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Importar archivo…</translation>
    </message>
    <message>
        <source>D&amp;uplicate as new revision</source>
        <translation>&amp;Duplicar como nueva revisión</translation>
    </message>
    <message>
        <source>Com&amp;pare with…</source>
        <translation>Com&amp;parar con…</translation>
    </message>
    <message>
        <source>Compare the selected assessment with another: levels, findings, answers</source>
        <translation>Comparar la evaluación seleccionada con otra: niveles, hallazgos, respuestas</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Eli&amp;minar</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Re&amp;staurar</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Vaciar papelera…</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>%d assessment is hidden by the search or filters.</source>
        <translation>La búsqueda o los filtros ocultan %d evaluación.</translation>
    </message>
    <message>
        <source>%d assessments are hidden by the search or filters.</source>
        <translation>La búsqueda o los filtros ocultan %d evaluaciones.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your library…</source>
        <translation>Abriendo su biblioteca…</translation>
    </message>
    <message>
        <source>The library is read-only: %s</source>
        <translation>La biblioteca es de solo lectura: %s</translation>
    </message>
    <message>
        <source>Automatic backup failed: %s</source>
        <translation>Falló la copia de seguridad automática: %s</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Open read-&amp;only</source>
        <translation>Abrir en solo &amp;lectura</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Some answers are not saved</source>
        <translation>Hay respuestas sin guardar</translation>
    </message>
    <message>
        <source>%d answer could not be saved. Quit anyway and lose it?</source>
        <translation>No se pudo guardar %d respuesta. ¿Salir de todos modos y perderla?</translation>
    </message>
    <message>
        <source>%d answers could not be saved. Quit anyway and lose them?</source>
        <translation>No se pudieron guardar %d respuestas. ¿Salir de todos modos y perderlas?</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <source>Held on</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Who attended</source>
        <translation>Quiénes asistieron</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>De qué se habló</translation>
    </message>
    <message>
        <source>Consultation meetings</source>
        <translation>Reuniones de consulta</translation>
    </message>
    <message>
        <source>Add &amp;meeting</source>
        <translation>Agregar &amp;reunión</translation>
    </message>
</context>
<context>
    <name>Metadata</name>
    <message>
        <source>Employer (management, HR)</source>
        <translation>Empleador (gerencia, Recursos Humanos)</translation>
    </message>
    <message>
        <source>Union or worker representative</source>
        <translation>Sindicato o representante de los trabajadores</translation>
    </message>
    <message>
        <source>Joint (employer and union together)</source>
        <translation>Conjunta (empleador y sindicato juntos)</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Consultor</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>Sindicato</translation>
    </message>
    <message>
        <source>Joint</source>
        <translation>Conjunta</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>Employer or organization</source>
        <translation>Empleador u organización</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>Workplace, department or team</source>
        <translation>Lugar de trabajo, departamento o equipo</translation>
    </message>
    <message>
        <source>AI s&amp;ystem:</source>
        <translation>Sistema de &amp;IA:</translation>
    </message>
    <message>
        <source>e.g. Warehouse pick-rate tracker</source>
        <translation>p. ej., medidor del ritmo de recolección en el almacén</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <source>Who supplies the system</source>
        <translation>Quién suministra el sistema</translation>
    </message>
    <message>
        <source>&amp;Assessor:</source>
        <translation>&amp;Evaluador:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>What the system is used for, and on whom</source>
        <translation>Para qué se usa el sistema y con quién</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Propósito:</translation>
    </message>
    <message>
        <source>Assessor&apos;s role</source>
        <translation>Función del evaluador</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Questionnaires and sections</source>
        <translation>Cuestionarios y secciones</translation>
    </message>
    <message>
        <source>Choose a section to answer; progress is shown beside each</source>
        <translation>Elija una sección para responder; al lado de cada una se muestra el avance</translation>
    </message>
    <message>
        <source>%d of %d answered</source>
        <translation>%d de %d respondidas</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitida</translation>
    </message>
    <message>
        <source>skipped because of earlier answers</source>
        <translation>omitida por respuestas anteriores</translation>
    </message>
    <message>
        <source>%d required missing</source>
        <translation>faltan %d obligatorias</translation>
    </message>
    <message>
        <source>%d required question still to answer</source>
        <translation>falta responder %d pregunta obligatoria</translation>
    </message>
    <message>
        <source>%d required questions still to answer</source>
        <translation>falta responder %d preguntas obligatorias</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Nueva evaluación</translation>
    </message>
    <message>
        <source>&amp;Questionnaires to answer:</source>
        <translation>&amp;Cuestionarios para responder:</translation>
    </message>
    <message>
        <source>Questionnaires to answer</source>
        <translation>Cuestionarios para responder</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>incluido</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>instalado</translation>
    </message>
    <message>
        <source>%s — %d questions (%s, version %s)</source>
        <translation>%s — %d preguntas (%s, versión %s)</translation>
    </message>
    <message>
        <source>Some installed questionnaires could not be used:</source>
        <translation>No se pudieron usar algunos cuestionarios instalados:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Empeza&amp;r</translation>
    </message>
    <message>
        <source>Tick at least one questionnaire.</source>
        <translation>Marque al menos un cuestionario.</translation>
    </message>
    <message>
        <source>Name the AI system assessed.</source>
        <translation>Escriba el nombre del sistema de IA evaluado.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>&amp;Comment:</source>
        <translation>Comen&amp;tario:</translation>
    </message>
    <message>
        <source>Why this answer; anything a reader should know</source>
        <translation>Por qué esta respuesta; lo que un lector debe saber</translation>
    </message>
    <message>
        <source>Evi&amp;dence:</source>
        <translation>Evide&amp;ncia:</translation>
    </message>
    <message>
        <source>Documents, policies or observations that support the answer</source>
        <translation>Documentos, políticas u observaciones que apoyan la respuesta</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <source>(%s to %s)</source>
        <translation>(de %s a %s)</translation>
    </message>
    <message>
        <source>(at least %s)</source>
        <translation>(como mínimo %s)</translation>
    </message>
    <message>
        <source>(at most %s)</source>
        <translation>(como máximo %s)</translation>
    </message>
    <message>
        <source>Type a number, such as 12 or 3.5.</source>
        <translation>Escriba un número, por ejemplo 12 o 3.5.</translation>
    </message>
</context>
<context>
    <name>OwnCopyDialog</name>
    <message>
        <source>Work on your own copy?</source>
        <translation>¿Trabajar en su propia copia?</translation>
    </message>
    <message>
        <source>This assessment</source>
        <translation>Esta evaluación</translation>
    </message>
    <message>
        <source>an unnamed assessor</source>
        <translation>un evaluador sin nombre</translation>
    </message>
    <message>
        <source>“%s” was assessed by %s (%s), revision %d, %s.</source>
        <translation>«%s» fue evaluada por %s (%s), revisión %d, %s.</translation>
    </message>
    <message>
        <source>To answer as yourself, work on your own copy: a new revision made from it, with you as the assessor. Theirs stays as it is, and Assessment → Compare with… shows where the two differ.</source>
        <translation>Para responder en su propio nombre, trabaje en su propia copia: una nueva revisión hecha a partir de ella, con usted como evaluador. La de ellos queda como está, y Evaluación → Comparar con… muestra en qué difieren las dos.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Su función</translation>
    </message>
    <message>
        <source>Re&amp;member as my defaults in Settings</source>
        <translation>&amp;Recordar como mis valores predeterminados en Configuración</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>Your r&amp;ole:</source>
        <translation>Su f&amp;unción:</translation>
    </message>
    <message>
        <source>Open as it &amp;is</source>
        <translation>Abrir &amp;tal como está</translation>
    </message>
    <message>
        <source>&amp;Work on your own copy as %s (%s)</source>
        <translation>Tra&amp;bajar en su propia copia como %s (%s)</translation>
    </message>
    <message>
        <source>&amp;Work on your own copy (type your name)</source>
        <translation>Tra&amp;bajar en su propia copia (escriba su nombre)</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>%s cannot be installed</source>
        <translation>No se puede instalar %s</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>%d problems</source>
        <translation>%d problemas</translation>
    </message>
    <message>
        <source>&lt;b&gt;%s has %s.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%s tiene %s.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing was installed. Correct each problem in the file (the place is a line and a path inside it), save it, and choose File → Install questionnaire… again.</source>
        <translation>No se instaló nada. Corrija cada problema en el archivo (el lugar es una línea y una ruta dentro de él), guárdelo y elija otra vez Archivo → Instalar cuestionario….</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>(todo el archivo)</translation>
    </message>
    <message>
        <source>&amp;Copy problems</source>
        <translation>&amp;Copiar problemas</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>This question must be answered for a complete assessment</source>
        <translation>Hay que responder esta pregunta para que la evaluación esté completa</translation>
    </message>
    <message>
        <source>Comment and evidence</source>
        <translation>Comentario y evidencia</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Borrar respuesta</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>(obligatoria)</translation>
    </message>
    <message>
        <source>Comment and evidence (added)</source>
        <translation>Comentario y evidencia (agregados)</translation>
    </message>
    <message>
        <source>Not applicable: say why in the comment below; the levels stay provisional until you do.</source>
        <translation>No corresponde: explique por qué en el comentario de abajo; los niveles siguen siendo provisionales hasta que lo haga.</translation>
    </message>
    <message>
        <source>Not saved — &lt;a href=&quot;retry&quot;&gt;try again&lt;/a&gt;</source>
        <translation>No se guardó — &lt;a href=&quot;retry&quot;&gt;intentar de nuevo&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Not saved. Activate to try again.</source>
        <translation>No se guardó. Actívelo para intentar de nuevo.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Start a new &amp;revision</source>
        <translation>Empezar una nueva &amp;revisión</translation>
    </message>
    <message>
        <source>Work on my own &amp;copy…</source>
        <translation>Trabajar en mi propia cop&amp;ia…</translation>
    </message>
    <message>
        <source>Received: this is the record of %s (%s), as they sent it. It is read-only so it stays exactly as they made it. To answer as yourself, work on your own copy.</source>
        <translation>Recibida: este es el registro de %s (%s), tal como lo envió. Es de solo lectura para que quede exactamente como lo hizo. Para responder en su propio nombre, trabaje en su propia copia.</translation>
    </message>
    <message>
        <source>the other party</source>
        <translation>la otra parte</translation>
    </message>
    <message>
        <source>Checked on %s: the report was unaltered, %s.</source>
        <translation>Comprobado el %s: el informe no se alteró, %s.</translation>
    </message>
    <message>
        <source>it was re-saved</source>
        <translation>se volvió a guardar</translation>
    </message>
    <message>
        <source>it is not signed</source>
        <translation>no está firmado</translation>
    </message>
    <message>
        <source>it was altered</source>
        <translation>se alteró</translation>
    </message>
    <message>
        <source>Checked on %s: the report did not verify (%s); its assessment was added anyway.</source>
        <translation>Comprobado el %s: el informe no pasó la verificación (%s); su evaluación se añadió de todos modos.</translation>
    </message>
    <message>
        <source>This assessment is final and read-only. To change answers, start a new revision: a draft copy that keeps this one as it is.</source>
        <translation>Esta evaluación es final y de solo lectura. Para cambiar respuestas, empiece una nueva revisión: una copia en borrador que deja esta como está.</translation>
    </message>
    <message>
        <source>The library is read-only: answers cannot be saved. You can read and export this assessment.</source>
        <translation>La biblioteca es de solo lectura: no se pueden guardar respuestas. Puede leer y exportar esta evaluación.</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparando el informe…</translation>
    </message>
</context>
<context>
    <name>ResponseData</name>
    <message>
        <source>No position yet</source>
        <translation>Sin posición todavía</translation>
    </message>
    <message>
        <source>its measures were carried over from the revision before</source>
        <translation>sus medidas vienen de la revisión anterior</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <source>Partly agree</source>
        <translation>De acuerdo en parte</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>En desacuerdo</translation>
    </message>
    <message>
        <source>No longer found in this revision</source>
        <translation>Ya no aparece en esta revisión</translation>
    </message>
    <message>
        <source>No review from the workers&apos; representatives is attached yet: you can still plan measures for the findings. Attach their review file with File → Import review file…</source>
        <translation>Todavía no hay una revisión de los representantes de los trabajadores: igual puede planear medidas para los hallazgos. Adjunte su archivo de revisión con Archivo → Importar archivo de revisión…</translation>
    </message>
    <message>
        <source>A concern they added</source>
        <translation>Una preocupación que ellos agregaron</translation>
    </message>
    <message>
        <source>Added by the representatives: %s</source>
        <translation>Agregada por los representantes: %s</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Employer&apos;s response and action plan</source>
        <translation>Respuesta del empleador y plan de acción</translation>
    </message>
    <message>
        <source>Workers&apos; representatives: %s</source>
        <translation>Representantes de los trabajadores: %s</translation>
    </message>
    <message>
        <source>Your response</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Nueva medida</translation>
    </message>
    <message>
        <source>This is your answer given in revision %s; it stands until you write a new one.</source>
        <translation>Esta es su respuesta dada en la revisión %s; vale hasta que escriba una nueva.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Level expected once done</source>
        <translation>Nivel esperado al terminar</translation>
    </message>
    <message>
        <source>Level once done?</source>
        <translation>¿Nivel al terminar?</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>Agregar medida</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Decisión</translation>
    </message>
    <message>
        <source>&amp;About it</source>
        <translation>&amp;Sobre ella</translation>
    </message>
    <message>
        <source>&amp;Next review</source>
        <translation>&amp;Próxima revisión</translation>
    </message>
    <message>
        <source>Overdue: %s</source>
        <translation>Vencida: %s</translation>
    </message>
    <message>
        <source>Why dropped</source>
        <translation>Por qué se abandonó</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>About the decision</source>
        <translation>Sobre la decisión</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Próxima revisión</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>No se guardó: %s</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>Overall</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Findings, recommendations and missing answers</source>
        <translation>Hallazgos, recomendaciones y respuestas que faltan</translation>
    </message>
    <message>
        <source>%d of %d shown questions answered.</source>
        <translation>Se respondieron %d de las %d preguntas que se muestran.</translation>
    </message>
    <message>
        <source>Score %s out of 100. </source>
        <translation>Puntuación: %s de 100. </translation>
    </message>
    <message>
        <source>Raised to this level by the findings: %s.</source>
        <translation>Subió a este nivel por los hallazgos: %s.</translation>
    </message>
    <message>
        <source>Every level is provisional: %d of %d questions the levels rest on are answered.</source>
        <translation>Todos los niveles son provisionales: se respondieron %d de las %d preguntas en las que se basan.</translation>
    </message>
    <message>
        <source>Overall result</source>
        <translation>Resultado general</translation>
    </message>
    <message>
        <source>Levels by questionnaire and dimension</source>
        <translation>Niveles por cuestionario y dimensión</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Findings (%d)</source>
        <translation>Hallazgos (%d)</translation>
    </message>
    <message>
        <source>No rule has fired on the answers given so far.</source>
        <translation>Ninguna regla se ha activado con las respuestas dadas hasta ahora.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Recommendations, most serious first</source>
        <translation>Recomendaciones, las más graves primero</translation>
    </message>
    <message>
        <source>Required questions not answered (%d)</source>
        <translation>Preguntas obligatorias sin respuesta (%d)</translation>
    </message>
    <message>
        <source>Every required question shown is answered.</source>
        <translation>Todas las preguntas obligatorias que se muestran tienen respuesta.</translation>
    </message>
    <message>
        <source>Why this severity</source>
        <translation>Por qué esta gravedad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
</context>
<context>
    <name>ReviewChoices</name>
    <message>
        <source>No position yet</source>
        <translation>Sin posición todavía</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <source>Partly agree</source>
        <translation>De acuerdo en parte</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>En desacuerdo</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>To be improved</source>
        <translation>Por mejorar</translation>
    </message>
    <message>
        <source>Not given yet</source>
        <translation>Aún no se ha dado</translation>
    </message>
    <message>
        <source>Favourable</source>
        <translation>Favorable</translation>
    </message>
    <message>
        <source>Favourable with conditions</source>
        <translation>Favorable con condiciones</translation>
    </message>
    <message>
        <source>Unfavourable</source>
        <translation>Desfavorable</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <source>Supplied</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Partly supplied</source>
        <translation>Entregada en parte</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Negada</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planeado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonado</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Aún no se decide</translation>
    </message>
    <message>
        <source>Go ahead</source>
        <translation>Seguir adelante</translation>
    </message>
    <message>
        <source>Go ahead with conditions</source>
        <translation>Seguir adelante con condiciones</translation>
    </message>
    <message>
        <source>Do not go ahead</source>
        <translation>No seguir adelante</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review as workers&apos; representatives</source>
        <translation>Revisión como representantes de los trabajadores</translation>
    </message>
    <message>
        <source>Say for each finding whether you agree, and why. Everything is saved as you go. When you are done, export the review file (File → Export review file…) and give it to the employer.</source>
        <translation>Diga para cada hallazgo si está de acuerdo y por qué. Todo se guarda a medida que avanza. Cuando termine, exporte el archivo de revisión (Archivo → Exportar archivo de revisión…) y entrégueselo al empleador.</translation>
    </message>
    <message>
        <source>The statement has no findings.</source>
        <translation>La declaración no tiene hallazgos.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Who reviewed</source>
        <translation>Quiénes revisaron</translation>
    </message>
    <message>
        <source>e.g. Works council: Sam Okafor, Lee Chan</source>
        <translation>p. ej., Comité de trabajadores: Sam Okafor, Lee Chan</translation>
    </message>
    <message>
        <source>Reviewers&apos; names</source>
        <translation>Nombres de quienes revisaron</translation>
    </message>
    <message>
        <source>Reviewers&apos; &amp;names</source>
        <translation>&amp;Nombres de quienes revisaron</translation>
    </message>
    <message>
        <source>Your position on: %s</source>
        <translation>Su posición sobre: %s</translation>
    </message>
    <message>
        <source>Why (your comment)</source>
        <translation>Por qué (su comentario)</translation>
    </message>
    <message>
        <source>The measure you propose</source>
        <translation>La medida que propone</translation>
    </message>
    <message>
        <source>Your position</source>
        <translation>Su posición</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Proposed measure</source>
        <translation>Medida propuesta</translation>
    </message>
    <message>
        <source>Concerns the assessment missed</source>
        <translation>Preocupaciones que la evaluación no incluyó</translation>
    </message>
    <message>
        <source>A concern to add</source>
        <translation>Una preocupación para agregar</translation>
    </message>
    <message>
        <source>How serious</source>
        <translation>Qué tan grave</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>De qué se trata</translation>
    </message>
    <message>
        <source>&amp;Add concern</source>
        <translation>&amp;Agregar preocupación</translation>
    </message>
    <message>
        <source>Information requested from the employer</source>
        <translation>Información pedida al empleador</translation>
    </message>
    <message>
        <source>Information to ask for</source>
        <translation>Información que se pide</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>En qué estado está</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Pedida el</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Respondida el</translation>
    </message>
    <message>
        <source>Add &amp;request</source>
        <translation>Agregar &amp;pedido</translation>
    </message>
    <message>
        <source>Your overall opinion</source>
        <translation>Su opinión general</translation>
    </message>
    <message>
        <source>Your conditions, if any</source>
        <translation>Sus condiciones, si las hay</translation>
    </message>
    <message>
        <source>Asked for on</source>
        <translation>Pedida el</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Entregada el</translation>
    </message>
    <message>
        <source>&amp;Opinion</source>
        <translation>&amp;Opinión</translation>
    </message>
    <message>
        <source>&amp;Conditions</source>
        <translation>&amp;Condiciones</translation>
    </message>
    <message>
        <source>As&amp;ked for on</source>
        <translation>Pe&amp;dida el</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Entregada el</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>No se guardó: %s</translation>
    </message>
</context>
<context>
    <name>ReviewOperations</name>
    <message>
        <source>Open the statement first.</source>
        <translation>Primero abra la declaración.</translation>
    </message>
    <message>
        <source>The review is of a statement you received: open the statement the employer sent you (File → Open), then review it.</source>
        <translation>La revisión es de una declaración que usted recibió: abra la declaración que le envió el empleador (Archivo → Abrir) y después revísela.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Export review file</source>
        <translation>Exportar archivo de revisión</translation>
    </message>
    <message>
        <source>Signatures:</source>
        <translation>Firmas:</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Joint statement verified</source>
        <translation>Declaración conjunta comprobada</translation>
    </message>
    <message>
        <source>PDF, %s (*.pdf)</source>
        <translation>PDF, %s (*.pdf)</translation>
    </message>
    <message>
        <source>The joint statement does not verify</source>
        <translation>No se pudo comprobar la declaración conjunta</translation>
    </message>
    <message>
        <source>an unnamed system</source>
        <translation>un sistema sin nombre</translation>
    </message>
    <message>
        <source>%1 is unaltered since it was signed. It is the joint statement on %2, revision %3: the review of the workers&apos; representatives (%4) and the employer&apos;s response, side by side.</source>
        <translation>%1 no ha cambiado desde que se firmó. Es la declaración conjunta sobre %2, revisión %3: la revisión de los representantes de los trabajadores (%4) y la respuesta del empleador, una al lado de la otra.</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>Both parties have signed it.</source>
        <translation>Las dos partes la firmaron.</translation>
    </message>
    <message>
        <source>Only one party has signed it so far. To sign it as the other party: File → Countersign a statement…</source>
        <translation>Por ahora la firmó solo una parte. Para firmarla como la otra parte: Archivo → Firmar como recibida una declaración…</translation>
    </message>
    <message>
        <source>Wrote %s, signed by %s</source>
        <translation>Se guardó %s, firmada por %s</translation>
    </message>
    <message>
        <source>Import review file</source>
        <translation>Importar archivo de revisión</translation>
    </message>
    <message>
        <source>The review replaced the earlier copy of it in its assessment.</source>
        <translation>La revisión reemplazó la copia anterior que había en su evaluación.</translation>
    </message>
    <message>
        <source>The review is attached to its assessment.</source>
        <translation>La revisión quedó adjunta a su evaluación.</translation>
    </message>
    <message>
        <source>Assessment: %s, revision %d.</source>
        <translation>Evaluación: %s, revisión %d.</translation>
    </message>
    <message>
        <source>The review file is %s.</source>
        <translation>El archivo de revisión es %s.</translation>
    </message>
    <message>
        <source>Review attached</source>
        <translation>Revisión adjunta</translation>
    </message>
    <message>
        <source>Review replaced</source>
        <translation>Revisión reemplazada</translation>
    </message>
    <message>
        <source>Export joint statement</source>
        <translation>Exportar declaración conjunta</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Guardado a las %s</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Live result</source>
        <translation>Resultado al momento</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>%d of %d questions answered</source>
        <translation>%d de %d preguntas respondidas</translation>
    </message>
    <message>
        <source>%d required still to answer</source>
        <translation>faltan %d obligatorias</translation>
    </message>
    <message>
        <source>Levels are provisional: %d of %d questions they rest on are answered</source>
        <translation>Los niveles son provisionales: se respondieron %d de las %d preguntas en las que se basan</translation>
    </message>
    <message>
        <source>%d &apos;Not applicable&apos; answers need a reason (in the comment)</source>
        <translation>%d respuestas «No corresponde» necesitan un motivo (en el comentario)</translation>
    </message>
    <message>
        <source>No findings yet.</source>
        <translation>Todavía no hay hallazgos.</translation>
    </message>
    <message>
        <source>Findings (%d)</source>
        <translation>Hallazgos (%d)</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>This section is skipped because of earlier answers. Its answers are kept but not counted.</source>
        <translation>Esta sección se omite por respuestas anteriores. Sus respuestas se conservan, pero no se cuentan.</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <source>← Previous section</source>
        <translation>← Sección anterior</translation>
    </message>
    <message>
        <source>Next section →</source>
        <translation>Sección siguiente →</translation>
    </message>
    <message>
        <source>%d of %d questions answered</source>
        <translation>%d de %d preguntas respondidas</translation>
    </message>
    <message>
        <source>%d required still to answer</source>
        <translation>faltan %d obligatorias</translation>
    </message>
    <message>
        <source>← %s</source>
        <translation>← %s</translation>
    </message>
    <message>
        <source>%s →</source>
        <translation>%s →</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Sección anterior</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Sección siguiente</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Defaults for new assessments</source>
        <translation>Valores predeterminados para nuevas evaluaciones</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>&amp;Assessor:</source>
        <translation>&amp;Evaluador:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Carpeta de datos:</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Backups (newest first):</source>
        <translation>Copias de &amp;seguridad (las más nuevas primero):</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Hacer copia &amp;ahora</translation>
    </message>
    <message>
        <source>Re&amp;store selected backup…</source>
        <translation>Res&amp;taurar la copia seleccionada…</translation>
    </message>
    <message>
        <source>Si&amp;gning identity and trusted certificates…</source>
        <translation>&amp;Identidad de firma y certificados de confianza…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Ventana:</translation>
    </message>
    <message>
        <source>A new language applies the next time WorkerImpact starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se abra WorkerImpact.</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>No signing identity yet.</source>
        <translation>Todavía no hay identidad de firma.</translation>
    </message>
</context>
<context>
    <name>SettingsOperations</name>
    <message>
        <source>Backup saved: %s</source>
        <translation>Copia de seguridad guardada: %s</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
        <source>The library will be replaced by the backup %s. The current library is kept in backups/replaced/ first.</source>
        <translation>La biblioteca se reemplazará por la copia %s. Antes, la biblioteca actual se guarda en backups/replaced/.</translation>
    </message>
    <message>
        <source>Backup restored.</source>
        <translation>Copia de seguridad restaurada.</translation>
    </message>
    <message>
        <source>About WorkerImpact</source>
        <translation>Acerca de WorkerImpact</translation>
    </message>
    <message>
        <source>&lt;b&gt;WorkerImpact %s&lt;/b&gt;&lt;p&gt;Assess how an AI system at work affects workers — surveillance, job quality, health and safety — and export an impact statement (Executive Order 14110, Sec. 2(c)).&lt;/p&gt;&lt;p&gt;Scoring is transparent: every level and finding names the answers behind it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;WorkerImpact %s&lt;/b&gt;&lt;p&gt;Evalúe cómo afecta a los trabajadores un sistema de IA en el trabajo —vigilancia, calidad del empleo, salud y seguridad— y exporte una declaración de impacto (Executive Order 14110, orden ejecutiva federal, Sec. 2(c)).&lt;/p&gt;&lt;p&gt;La puntuación es transparente: cada nivel y cada hallazgo nombra las respuestas en que se basa.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>Signed by %s (your fingerprint %s).</source>
        <translation>Firmada por %s (su huella digital %s).</translation>
    </message>
    <message>
        <source>Your signing identity was created with this export; see Settings.</source>
        <translation>Su identidad de firma se creó con esta exportación; vea Configuración.</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Signing and trusted certificates</source>
        <translation>Firma y certificados de confianza</translation>
    </message>
    <message>
        <source>You sign statements as</source>
        <translation>Usted firma las declaraciones como</translation>
    </message>
    <message>
        <source>Your fingerprint, to read aloud</source>
        <translation>Su huella digital, para leerla en voz alta</translation>
    </message>
    <message>
        <source>&amp;New identity…</source>
        <translation>&amp;Nueva identidad…</translation>
    </message>
    <message>
        <source>&amp;Import .p12…</source>
        <translation>&amp;Importar .p12…</translation>
    </message>
    <message>
        <source>&amp;Export .p12…</source>
        <translation>&amp;Exportar .p12…</translation>
    </message>
    <message>
        <source>Certificates I trust</source>
        <translation>Certificados en los que confío</translation>
    </message>
    <message>
        <source>Trust a signer once you have checked their fingerprint with them, in person or by phone. Statements they sign then say “(trusted)”.</source>
        <translation>Confíe en un firmante después de comprobar su huella digital con esa persona, en persona o por teléfono. Las declaraciones que firme dirán entonces «(de confianza)».</translation>
    </message>
    <message>
        <source>&amp;Trust the signer of a statement…</source>
        <translation>&amp;Confiar en el firmante de una declaración…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>No signing identity yet: one is created on your first export.</source>
        <translation>Todavía no hay identidad de firma: se crea una en su primera exportación.</translation>
    </message>
    <message>
        <source>Fingerprint: %s</source>
        <translation>Huella digital: %s</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Replace your identity?</source>
        <translation>¿Reemplazar su identidad?</translation>
    </message>
    <message>
        <source>Statements you signed stay valid, but people who trust your current fingerprint will see your new one as unknown. Export the current one first to keep it. Replace it?</source>
        <translation>Las declaraciones que firmó siguen siendo válidas, pero quienes confían en su huella digital actual verán la nueva como desconocida. Exporte primero la actual para conservarla. ¿Reemplazarla?</translation>
    </message>
    <message>
        <source>Import a signing identity</source>
        <translation>Importar una identidad de firma</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password of the file:</source>
        <translation>Contraseña del archivo:</translation>
    </message>
    <message>
        <source>Export your signing identity</source>
        <translation>Exportar su identidad de firma</translation>
    </message>
    <message>
        <source>Password to protect the file:</source>
        <translation>Contraseña para proteger el archivo:</translation>
    </message>
    <message>
        <source>A statement signed by the person to trust</source>
        <translation>Una declaración firmada por la persona en quien confiar</translation>
    </message>
    <message>
        <source>Statements and certificates (*.pdf *.pem *.crt *.cer)</source>
        <translation>Declaraciones y certificados (*.pdf *.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella digital</translation>
    </message>
    <message>
        <source>The fingerprint they read to you (at least the first 8 groups):</source>
        <translation>La huella digital que le leyeron (al menos los primeros 8 grupos):</translation>
    </message>
    <message>
        <source>Fingerprints differ</source>
        <translation>Las huellas digitales no coinciden</translation>
    </message>
    <message>
        <source>No signer of this file has the fingerprint you typed. Check it again with them; do not trust it until it matches.</source>
        <translation>Ningún firmante de este archivo tiene la huella digital que escribió. Compruébela otra vez con esa persona; no confíe hasta que coincida.</translation>
    </message>
</context>
<context>
    <name>StageFields</name>
    <message>
        <source>Stage of the system</source>
        <translation>Etapa del sistema</translation>
    </message>
    <message>
        <source>Planned: questions ask about the plan. Questions about what has happened since launch are asked only once the system is in operation.</source>
        <translation>Planeado: las preguntas son sobre el plan. Las preguntas sobre lo que pasó desde el inicio solo se hacen cuando el sistema ya está en uso.</translation>
    </message>
    <message>
        <source>Not stated (every question is asked)</source>
        <translation>Sin indicar (se hacen todas las preguntas)</translation>
    </message>
    <message>
        <source>S&amp;tage of the system:</source>
        <translation>E&amp;tapa del sistema:</translation>
    </message>
    <message>
        <source>Date the pilot or operation started</source>
        <translation>Fecha de inicio de la prueba piloto o del uso</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, if known</source>
        <translation>AAAA-MM-DD, si se sabe</translation>
    </message>
    <message>
        <source>Started o&amp;n:</source>
        <translation>E&amp;mpezó el:</translation>
    </message>
    <message>
        <source>Write the start date as YYYY-MM-DD, e.g. 2025-03-01.</source>
        <translation>Escriba la fecha de inicio como AAAA-MM-DD, p. ej., 2025-03-01.</translation>
    </message>
    <message>
        <source>The start date is in the future.</source>
        <translation>La fecha de inicio es futura.</translation>
    </message>
    <message>
        <source>Planned (not yet in use)</source>
        <translation>Planeado (aún no se usa)</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>Prueba piloto</translation>
    </message>
    <message>
        <source>In operation</source>
        <translation>En uso</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;System colours</source>
        <translation>Colores del &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>answer to “%s”</source>
        <translation>respuesta a «%s»</translation>
    </message>
</context>
<context>
    <name>UpgradeBanner</name>
    <message>
        <source>These answers are on the %s built-in questionnaires. Version %s asks about the system&apos;s stage and lets you answer “Don&apos;t know” or “Not applicable”. Moving makes a new revision and carries your answers over; this one stays as it is.</source>
        <translation>Estas respuestas usan los cuestionarios incluidos %s. La versión %s pregunta en qué etapa está el sistema y le deja responder “No sé” o “No corresponde”. Al pasar a ella se crea una nueva revisión con sus respuestas; esta queda como está.</translation>
    </message>
    <message>
        <source>&amp;Move to %s…</source>
        <translation>&amp;Pasar a %s…</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <source>; its certificate fingerprint is %s</source>
        <translation>; la huella digital de su certificado es %s</translation>
    </message>
    <message>
        <source>%s is unaltered since it was signed:
%s

It opens in your library as the sender&apos;s record, read-only; you can then work on your own copy.</source>
        <translation>%s no se alteró desde que se firmó:
%s

Se abre en su biblioteca como el registro de quien lo envió, de solo lectura; después puede trabajar en su propia copia.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>Evalua&amp;ción</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>WindowOperations</name>
    <message>
        <source>Loading questionnaires…</source>
        <translation>Cargando cuestionarios…</translation>
    </message>
    <message>
        <source>No questionnaires</source>
        <translation>No hay cuestionarios</translation>
    </message>
    <message>
        <source>No questionnaire is installed. Use File → Install questionnaire… to add one.</source>
        <translation>No hay ningún cuestionario instalado. Use Archivo → Instalar cuestionario… para agregar uno.</translation>
    </message>
    <message>
        <source>Open an assessment file or a report</source>
        <translation>Abrir un archivo de evaluación o un informe</translation>
    </message>
    <message>
        <source>Assessments and reports (*.json *.pdf);;All files (*)</source>
        <translation>Evaluaciones e informes (*.json *.pdf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%s is already in your library, unchanged: opened it.</source>
        <translation>%s ya está en su biblioteca, sin cambios: se abrió.</translation>
    </message>
    <message>
        <source>Importing %s…</source>
        <translation>Importando %s…</translation>
    </message>
    <message>
        <source>No such file</source>
        <translation>El archivo no existe</translation>
    </message>
    <message>
        <source>Report verified</source>
        <translation>Informe comprobado</translation>
    </message>
    <message>
        <source>The report was re-saved</source>
        <translation>El informe se volvió a guardar</translation>
    </message>
    <message>
        <source>The report is not signed</source>
        <translation>El informe no está firmado</translation>
    </message>
    <message>
        <source>The report was altered</source>
        <translation>El informe fue alterado</translation>
    </message>
    <message>
        <source>%s does not verify:
%s

Import the assessment it carries anyway?</source>
        <translation>No se pudo comprobar %s:
%s

¿Importar de todos modos la evaluación que contiene?</translation>
    </message>
    <message>
        <source>Checking %s…</source>
        <translation>Comprobando %s…</translation>
    </message>
    <message>
        <source>Install a questionnaire</source>
        <translation>Instalar un cuestionario</translation>
    </message>
    <message>
        <source>Questionnaires (*.json);;All files (*)</source>
        <translation>Cuestionarios (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Questionnaire installed</source>
        <translation>Cuestionario instalado</translation>
    </message>
    <message>
        <source>“%s” (version %s) is installed. It is offered in New assessment.</source>
        <translation>«%s» (versión %s) está instalado. Se ofrece en Nueva evaluación.</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Every required question shown is answered.</source>
        <translation>Todas las preguntas obligatorias que se muestran tienen respuesta.</translation>
    </message>
</context>
</TS>
