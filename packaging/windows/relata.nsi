; Relata setup.exe (NSIS 3). The MSI (relata.wxs) is what IT deploys; this
; installer is for single users and small offices without software distribution.
;
; Build (on Windows, or on Linux with makensis around any payload folder):
;   makensis -DVERSION=0.1.0 -DPAYLOAD=dist\relata -DICON=resources\icons\relata.ico -DOUTFILE=relata-0.1.0-setup.exe packaging\windows\relata.nsi
;
; Silent install, machine-wide (admin) or for the current user only:
;   relata-0.1.0-setup.exe /S /AllUsers /SERVERURL=https://crm.example.ch /LANGUAGE=de
;   relata-0.1.0-setup.exe /S /CurrentUser /SERVERURL=https://crm.example.ch
;   (/D=C:\Path must come last, NSIS rule)
; Silent uninstall: "<install dir>\uninstall.exe" /S
;
; /SERVERURL= and /LANGUAGE= go into the policy file through the bundled
; relata-policy.exe (keys as in app/config.py KNOWN_KEYS; it validates and
; merges): machine-wide %PROGRAMDATA%\Relata\policy.json (locked for users),
; per user policy.json next to relata.exe. Uninstall keeps the policy file and
; all user data (%LOCALAPPDATA%\Relata).

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "pass -DPAYLOAD=<folder with relata.exe and _internal>"
!endif
!ifndef OUTFILE
  !define OUTFILE "relata-${VERSION}-setup.exe"
!endif

!define APP "Relata"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Relata"

; MultiUser: admins get a machine-wide install by default, everyone else a
; per-user one; /AllUsers and /CurrentUser choose explicitly.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
!define MULTIUSER_USE_PROGRAMFILES64
!include MultiUser.nsh
!include FileFunc.nsh
!include LogicLib.nsh

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
!ifdef ICON
  Icon "${ICON}"
  UninstallIcon "${ICON}"
!endif
ShowInstDetails show
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "CompanyName" "${APP}"
VIAddVersionKey "LegalCopyright" "Relata developers"

Var ServerUrl
Var UiLanguage
Var PolicyFile

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Function .onInit
  !insertmacro MULTIUSER_INIT
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVERURL=" $ServerUrl
  ${If} ${Errors}
    StrCpy $ServerUrl ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/LANGUAGE=" $UiLanguage
  ${If} ${Errors}
    StrCpy $UiLanguage ""
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Relata" SecMain
  SetOutPath "$INSTDIR"
  ; An update replaces the whole library folder: no stale modules from the
  ; previous version. User data lives elsewhere and is not touched; the new
  ; version backs up and migrates the database on its first start.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\relata.exe"

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\relata.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0

  ${If} $ServerUrl != ""
  ${OrIf} $UiLanguage != ""
    ${If} $MultiUser.InstallMode == "AllUsers"
      ; SetShellVarContext all (done by MultiUser): $APPDATA is C:\ProgramData
      StrCpy $PolicyFile "$APPDATA\${APP}\policy.json"
    ${Else}
      StrCpy $PolicyFile "$INSTDIR\policy.json"
    ${EndIf}
    nsExec::ExecToLog '"$INSTDIR\relata-policy.exe" --file "$PolicyFile" --set "server_url=$ServerUrl" --set "language=$UiLanguage"'
    Pop $0
    ${If} $0 != 0
      SetErrorLevel 2
      MessageBox MB_ICONSTOP "Relata was installed, but the settings could not be written to $PolicyFile (exit code $0). Check /SERVERURL= and /LANGUAGE=." /SD IDOK
      Abort
    ${EndIf}
    DetailPrint "Policy written to $PolicyFile"
  ${EndIf}
SectionEnd

Section "Uninstall"
  ; Only remove what we installed; never the policy file or user data.
  ${If} ${FileExists} "$INSTDIR\relata.exe"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\relata.exe"
    Delete "$INSTDIR\relata-policy.exe"
    Delete "$INSTDIR\LICENSES.txt"
  ${EndIf}
  Delete "$SMPROGRAMS\${APP}.lnk"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
