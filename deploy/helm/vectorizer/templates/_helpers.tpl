{{- define "vectorizer.name" -}}{{ .Release.Name }}-vectorizer{{- end }}

{{- define "vectorizer.labels" -}}
app.kubernetes.io/name: vectorizer
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "vectorizer.selector" -}}
app.kubernetes.io/name: vectorizer
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
